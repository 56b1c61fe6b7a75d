package io.amcp.risk;

import java.util.List;

/** Named-symbol variants of {@link SampleData}. */
final class SampleDataFor {

    private static final int DAYS = 120;
    private static final long SEED = 77;

    private SampleDataFor() {
    }

    static ReturnsHistory history(String... symbols) {
        return ReturnsHistory.of(List.of(symbols), SampleData.returns(symbols.length, DAYS, SEED));
    }

    static BenchmarkReturns benchmark() {
        return BenchmarkReturns.of("SPY", SampleData.market(DAYS, SEED));
    }
}
