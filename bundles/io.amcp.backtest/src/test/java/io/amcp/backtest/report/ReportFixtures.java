package io.amcp.backtest.report;

import io.amcp.api.model.Side;
import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.Trade;
import java.time.Instant;
import java.util.List;

/** A small result: daily equity over January to March 2024 and two trades. */
final class ReportFixtures {

    static final long DAY = 86_400_000_000_000L;

    private ReportFixtures() {
    }

    static long nanos(String iso) {
        return Instant.parse(iso).getEpochSecond() * 1_000_000_000L;
    }

    /**
     * Samples on Jan 2, Jan 31, Feb 29 and Mar 28 2024 at 21:00 UTC, equity 100,000, 110,000,
     * 99,000, 103,950: monthly returns Jan +10.0%, Feb -10.0%, Mar +5.0%; the year 103,950 / 100,000 - 1 = +3.95%.
     */
    static BacktestResult result(String strategy) {
        long[] times = {nanos("2024-01-02T21:00:00Z"), nanos("2024-01-31T21:00:00Z"), nanos("2024-02-29T21:00:00Z"),
            nanos("2024-03-28T21:00:00Z")};
        EquityCurve curve = EquityCurve.of(times, new double[] {100_000, 110_000, 99_000, 103_950});
        List<Trade> trades = List.of(
                Trade.closed("AAPL", Side.BUY, 100, times[0], 185.5, times[1], 190.25, 470.5),
                Trade.open("MSFT", Side.SELL, 10, times[2], 410.0));
        PerformanceMetrics metrics = PerformanceMetrics.calculator(curve).trades(trades).calculate();
        return BacktestResult.of(strategy, "AAPL 2013 daily", Instant.parse("2024-01-02T21:00:00Z"),
                Instant.parse("2024-03-28T21:00:00Z"), 100_000, 103_950, metrics, trades, curve)
                .withBenchmark(Benchmark.of("Buy and hold", new double[] {470, 480, 490, 500}));
    }
}
