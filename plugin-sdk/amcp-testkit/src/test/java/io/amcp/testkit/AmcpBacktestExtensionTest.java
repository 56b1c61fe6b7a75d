package io.amcp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import org.junit.jupiter.api.Test;

@AmcpBacktest(dataset = "aapl-2013", cash = "25000")
class AmcpBacktestExtensionTest {

    @Test
    void theClassAnnotationConfiguresTheInjectedHarness(BacktestHarness harness) {
        assertThat(harness.data()).hasSize(1);
        assertThat(harness.data().get(0).instrument().id()).isEqualTo(InstrumentId.of("AAPL"));

        BacktestOutcome outcome = harness.run(
                new SmaCrossStrategy(StrategyId.of("sma"), InstrumentId.of("AAPL"), 10, 30, Quantity.of(10)));

        assertThat(outcome.result().initialCash()).isEqualTo(25000.0);
        assertThat(outcome.equityCurve().firstEquity()).isEqualTo(25000.0);
        assertThat(outcome.result().dataset()).isEqualTo("aapl-2013");
    }

    @Test
    @AmcpBacktest(dataset = "eth-5min", cash = "5000")
    void aMethodAnnotationReplacesTheClassOne(BacktestHarness harness) {
        assertThat(harness.data().get(0).instrument().id()).isEqualTo(InstrumentId.of("ETH/USD"));

        BacktestOutcome outcome = harness.run(
                new SmaCrossStrategy(StrategyId.of("sma"), InstrumentId.of("ETH/USD"), 5, 20, Quantity.of(1)));

        assertThat(outcome.equityCurve().firstEquity()).isEqualTo(5000.0);
    }

    @Test
    void eachParameterGetsItsOwnHarness(BacktestHarness first, BacktestHarness second) {
        assertThat(first).isNotSameAs(second);
    }
}
