package io.amcp.strategy.meanreversion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.BarSeries;
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
import io.amcp.strategy.meanreversion.MeanReversionConfig;
import io.amcp.strategy.meanreversion.MeanReversionStrategy;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeanReversionBacktestsTest {

    private final MeanReversionBacktests offered = new MeanReversionBacktests();

    @Test
    void offersMeanReversion() {
        assertThat(offered.names()).containsExactly("mean-reversion");
    }

    /**
     * The defaults written in MeanReversionConfig (bandPeriod 20, bandWidth 2.0, rsiPeriod 14, oversold 30,
     * overbought 70, allowShort true, quantity "10"), whole numbers without a fraction.
     */
    @Test
    void describesItsParametersWithTheConfigurationDefaults() {
        assertThat(offered.parameters("mean-reversion")).containsExactly(Map.entry("allowShort", "true"),
                Map.entry("bandPeriod", "20"), Map.entry("bandWidth", "2"), Map.entry("overbought", "70"),
                Map.entry("oversold", "30"), Map.entry("quantity", "10"), Map.entry("rsiPeriod", "14"));
        assertThatThrownBy(() -> offered.parameters("sma-cross")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("strategy: unknown strategy 'sma-cross'");
    }

    /**
     * A snapshot carries max(bandPeriod, 40 x rsiPeriod + 1) closes (class comment of the strategy):
     * rsiPeriod 3 gives 121, bandPeriod 150 with rsiPeriod 2 (81) gives 150.
     */
    @Test
    void createsAFreshInstanceWithTheGivenParameters() {
        Map<String, String> p = Map.of("rsiPeriod", "3", "bandPeriod", "10");
        Strategy first = offered.create("mean-reversion", StrategyId.of("bt-1"), "MSFT", p);
        Strategy second = offered.create("mean-reversion", StrategyId.of("bt-1"), "MSFT", p);

        assertThat(first).isInstanceOf(MeanReversionStrategy.class).isNotSameAs(second);
        assertThat(first.id()).isEqualTo(StrategyId.of("bt-1"));
        assertThat(((MeanReversionStrategy) first).historyLength()).isEqualTo(121);
        assertThat(((MeanReversionStrategy) offered.create("mean-reversion", StrategyId.of("bt-2"), "MSFT",
                Map.of("rsiPeriod", "2", "bandPeriod", "150"))).historyLength()).isEqualTo(150);
    }

    /** The defaults are the component configuration's, read from the annotation itself. */
    @Test
    void absentParametersTakeTheConfigurationDefaults() throws Exception {
        MeanReversionStrategy strategy = (MeanReversionStrategy) offered.create("mean-reversion", StrategyId.of("bt"),
                "AAPL", Map.of());
        int rsiPeriod = (Integer) MeanReversionConfig.class.getMethod("rsiPeriod").getDefaultValue();
        int bandPeriod = (Integer) MeanReversionConfig.class.getMethod("bandPeriod").getDefaultValue();
        assertThat(strategy.historyLength()).isEqualTo(Math.max(bandPeriod, 40 * rsiPeriod + 1)).isEqualTo(561);

        Map<String, Object> defaults = Map.of("bandPeriod", 20, "bandWidth", 2.0, "rsiPeriod", 14, "oversold", 30.0,
                "overbought", 70.0, "allowShort", true, "quantity", "10");
        for (Method m : MeanReversionConfig.class.getDeclaredMethods()) {
            if (defaults.containsKey(m.getName())) {
                assertThat(m.getDefaultValue()).as(m.getName()).isEqualTo(defaults.get(m.getName()));
            }
        }
    }

    @Test
    void badParameterTextNamesTheParameter() {
        StrategyId id = StrategyId.of("bt");
        assertThatThrownBy(() -> offered.create("mean-reversion", id, "AAPL", Map.of("bandPeriod", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bandPeriod: not an integer: 'x'");
        assertThatThrownBy(() -> offered.create("mean-reversion", id, "AAPL", Map.of("bandWidth", "wide")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bandWidth: not a number: 'wide'");
        assertThatThrownBy(() -> offered.create("mean-reversion", id, "AAPL", Map.of("allowShort", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("allowShort: not true or false: 'yes'");
        assertThatThrownBy(() -> offered.create("mean-reversion", id, "AAPL", Map.of("quantity", "ten")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("quantity: not a number: 'ten'");
        assertThatThrownBy(() -> offered.create("mean-reversion", id, "AAPL", Map.of("oversold", "80")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("overbought: must be in");
        assertThatThrownBy(() -> offered.create("mean-reversion", id, "AAPL", Map.of("fast", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fast: not a parameter of mean-reversion");
    }

    @Test
    void theCreatedStrategyTradesAapl2013ThroughTheBacktestEngine() {
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        Strategy strategy = offered.create("mean-reversion", StrategyId.of("bt"), aapl.instrument().id().value(),
                Map.of("quantity", "100"));

        BacktestRun run = new BacktestEngine(Money.of("100000"), 1.0, List.of()).run(List.of(aapl), strategy,
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);

        assertThat(run.kernelErrors()).isZero();
        assertThat(run.barsProcessed()).isEqualTo(252);
        assertThat(run.fills().stream().map(OrderFilled::clientOrderId).distinct().count()).as("orders filled")
                .isPositive();
        assertThat(run.fills()).allSatisfy(f -> assertThat(f.quantity()).isEqualTo(Quantity.of(100)));
    }
}
