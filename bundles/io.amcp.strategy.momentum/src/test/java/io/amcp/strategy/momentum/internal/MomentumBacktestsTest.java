package io.amcp.strategy.momentum.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.Strategy;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.strategy.momentum.MomentumConfig;
import io.amcp.strategy.momentum.MomentumStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentumBacktestsTest {

    private final MomentumBacktests offered = new MomentumBacktests();

    @Test
    void offersMomentum() {
        assertThat(offered.names()).containsExactly("momentum");
    }

    /**
     * The defaults written in MomentumConfig (lookback 120, volatilityWindow 20, targetVolatility 0.15,
     * maxLeverage 1.0, rebalanceBars 5, periodsPerYear 252, allowShort false, capital "100000", lotSize "1").
     */
    @Test
    void describesItsParametersWithTheConfigurationDefaults() {
        assertThat(offered.parameters("momentum")).containsExactly(Map.entry("allowShort", "false"),
                Map.entry("capital", "100000"), Map.entry("lookback", "120"), Map.entry("lotSize", "1"),
                Map.entry("maxLeverage", "1"), Map.entry("periodsPerYear", "252"), Map.entry("rebalanceBars", "5"),
                Map.entry("targetVolatility", "0.15"), Map.entry("volatilityWindow", "20"));
        assertThatThrownBy(() -> offered.parameters("sma-cross")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("strategy: unknown strategy 'sma-cross'");
    }

    @Test
    void createsAFreshInstanceWithTheGivenParameters() {
        Map<String, String> p = Map.of("lookback", "60", "volatilityWindow", "10", "targetVolatility", "0.2",
                "maxLeverage", "1.5", "rebalanceBars", "3", "periodsPerYear", "365", "allowShort", "true",
                "capital", "50000", "lotSize", "5");
        Strategy first = offered.create("momentum", StrategyId.of("bt-1"), "MSFT", p);
        Strategy second = offered.create("momentum", StrategyId.of("bt-1"), "MSFT", p);

        assertThat(first).isInstanceOf(MomentumStrategy.class).isNotSameAs(second);
        MomentumStrategy momentum = (MomentumStrategy) first;
        assertThat(momentum.id()).isEqualTo(StrategyId.of("bt-1"));
        assertThat(momentum.instrument()).isEqualTo(InstrumentId.of("MSFT"));
        assertThat(momentum.parameters()).isEqualTo(new MomentumStrategy.Parameters(60, 10, 0.2, 1.5, 3, 365, true,
                Money.of("50000"), Quantity.of(5)));
    }

    /** The defaults are the component configuration's, read from the annotation itself. */
    @Test
    void absentParametersTakeTheConfigurationDefaults() throws Exception {
        MomentumStrategy momentum = (MomentumStrategy) offered.create("momentum", StrategyId.of("bt"), "AAPL",
                Map.of());
        MomentumStrategy.Parameters p = momentum.parameters();

        assertThat(p.lookback()).isEqualTo(fromConfig("lookback")).isEqualTo(120);
        assertThat(p.volatilityWindow()).isEqualTo(fromConfig("volatilityWindow")).isEqualTo(20);
        assertThat(p.targetVolatility()).isEqualTo(fromConfig("targetVolatility")).isEqualTo(0.15);
        assertThat(p.maxLeverage()).isEqualTo(fromConfig("maxLeverage")).isEqualTo(1.0);
        assertThat(p.rebalanceBars()).isEqualTo(fromConfig("rebalanceBars")).isEqualTo(5);
        assertThat(p.periodsPerYear()).isEqualTo(fromConfig("periodsPerYear")).isEqualTo(252.0);
        assertThat(p.allowShort()).isEqualTo(fromConfig("allowShort")).isEqualTo(false);
        assertThat(p.capital()).isEqualTo(Money.of((String) fromConfig("capital")));
        assertThat(p.lotSize()).isEqualTo(Quantity.of((String) fromConfig("lotSize")));
    }

    private static Object fromConfig(String attribute) throws NoSuchMethodException {
        return MomentumConfig.class.getMethod(attribute).getDefaultValue();
    }

    @Test
    void badParameterTextNamesTheParameter() {
        StrategyId id = StrategyId.of("bt");
        assertThatThrownBy(() -> offered.create("momentum", id, "AAPL", Map.of("lookback", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lookback: not an integer: 'x'");
        assertThatThrownBy(() -> offered.create("momentum", id, "AAPL", Map.of("targetVolatility", "15%")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("targetVolatility: not a number: '15%'");
        assertThatThrownBy(() -> offered.create("momentum", id, "AAPL", Map.of("allowShort", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("allowShort: not true or false: '1'");
        assertThatThrownBy(() -> offered.create("momentum", id, "AAPL", Map.of("capital", "lots")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("capital: not a number: 'lots'");
        assertThatThrownBy(() -> offered.create("momentum", id, "AAPL", Map.of("volatilityWindow", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("volatilityWindow: must be at least 2, was 1");
        assertThatThrownBy(() -> offered.create("momentum", id, "AAPL", Map.of("slow", "30")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("slow: not a parameter of momentum");
    }

    @Test
    void theCreatedStrategyTradesAapl2013ThroughTheBacktestEngine() {
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        Strategy strategy = offered.create("momentum", StrategyId.of("bt"), aapl.instrument().id().value(),
                Map.of("lookback", "20"));

        BacktestRun run = new BacktestEngine(Money.of("100000"), 1.0, List.of()).run(List.of(aapl), strategy,
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);

        assertThat(run.kernelErrors()).isZero();
        assertThat(run.barsProcessed()).isEqualTo(252);
        assertThat(run.fills().stream().map(OrderFilled::clientOrderId).distinct().count()).as("orders filled")
                .isPositive();
    }
}
