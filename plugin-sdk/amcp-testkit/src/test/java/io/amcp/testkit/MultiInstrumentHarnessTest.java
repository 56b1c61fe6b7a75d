package io.amcp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.Strategy;
import org.junit.jupiter.api.Test;

class MultiInstrumentHarnessTest {

    private static BarSeries flat(String symbol, double price) {
        long day = 86_400_000_000_000L;
        long[] times = {day * 18_000, day * 18_001, day * 18_002};
        long p = FixedPoint.fromDouble(price);
        long[] prices = {p, p, p};
        long[] volume = {FixedPoint.ONE, FixedPoint.ONE, FixedPoint.ONE};
        return new BarSeries(Instrument.crypto(symbol), times, prices, prices, prices, prices, volume);
    }

    @Test
    void instrumentsClosingAtTheSameTimeGiveOneEquitySamplePerTime() {
        Strategy idle = () -> StrategyId.of("idle");

        BacktestOutcome outcome = BacktestHarness.series(flat("AAA/USD", 10), flat("BBB/USD", 20)).cash("1000")
                .run(idle);

        // two bars per time reach the engine, which samples after each; the report keeps one per time
        assertThat(outcome.run().equityTimes()).hasSize(6);
        assertThat(outcome.equityCurve().size()).isEqualTo(3);
        assertThat(outcome.equityCurve().equity()).containsExactly(1000.0, 1000.0, 1000.0);
    }
}
