package io.amcp.strategy.smacross.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.spi.Strategy;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.KernelListener;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.strategy.smacross.SmaCrossConfig;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmaCrossBacktestsTest {

    private final SmaCrossBacktests offered = new SmaCrossBacktests();

    @Test
    void offersSmaCross() {
        assertThat(offered.names()).containsExactly("sma-cross");
    }

    /** The defaults written in SmaCrossConfig: fast 10, slow 30, quantity "10"; id and symbol name an instance. */
    @Test
    void describesItsParametersWithTheConfigurationDefaults() {
        assertThat(offered.parameters("sma-cross")).containsExactly(Map.entry("fast", "10"),
                Map.entry("quantity", "10"), Map.entry("slow", "30"));
        assertThatThrownBy(() -> offered.parameters("momentum")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("strategy: unknown strategy 'momentum'");
    }

    @Test
    void createsAFreshInstanceWithTheGivenParameters() {
        Map<String, String> p = Map.of("fast", "3", "slow", "7", "quantity", "25");
        Strategy first = offered.create("sma-cross", StrategyId.of("bt-1"), "MSFT", p);
        Strategy second = offered.create("sma-cross", StrategyId.of("bt-1"), "MSFT", p);

        assertThat(first).isInstanceOf(SmaCrossStrategy.class).isNotSameAs(second);
        SmaCrossStrategy sma = (SmaCrossStrategy) first;
        assertThat(sma.id()).isEqualTo(StrategyId.of("bt-1"));
        assertThat(sma.instrument()).isEqualTo(InstrumentId.of("MSFT"));
        assertThat(sma.fastPeriod()).isEqualTo(3);
        assertThat(sma.slowPeriod()).isEqualTo(7);
        assertThat(sma.quantity()).isEqualTo(Quantity.of(25));
    }

    /** The defaults are the component configuration's, read from the annotation itself. */
    @Test
    void absentParametersTakeTheConfigurationDefaults() throws Exception {
        SmaCrossStrategy sma = (SmaCrossStrategy) offered.create("sma-cross", StrategyId.of("bt"), "AAPL", Map.of());

        assertThat(sma.fastPeriod()).isEqualTo(SmaCrossConfig.class.getMethod("fast").getDefaultValue()).isEqualTo(10);
        assertThat(sma.slowPeriod()).isEqualTo(SmaCrossConfig.class.getMethod("slow").getDefaultValue()).isEqualTo(30);
        assertThat(sma.quantity()).isEqualTo(
                Quantity.of((String) SmaCrossConfig.class.getMethod("quantity").getDefaultValue()));
    }

    /** What the MCP run_backtest tool builds sma-cross with: text parameters, absent ones from the config. */
    @Test
    void theStrategyReadsTextParametersItself() {
        SmaCrossStrategy sma = SmaCrossStrategy.of(StrategyId.of("mcp"), InstrumentId.of("AAPL"), Map.of("fast", "4"));

        // SmaCrossConfig: slow() default 30, quantity() default "10"
        assertThat(sma.fastPeriod()).isEqualTo(4);
        assertThat(sma.slowPeriod()).isEqualTo(30);
        assertThat(sma.quantity()).isEqualTo(Quantity.of(10));
        assertThatThrownBy(() -> SmaCrossStrategy.of(StrategyId.of("mcp"), InstrumentId.of("AAPL"),
                Map.of("quantity", "-1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("quantity: must be positive");
        assertThatThrownBy(() -> SmaCrossStrategy.of(StrategyId.of("mcp"), InstrumentId.of("AAPL"),
                Map.of("symbol", "MSFT"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol: not a parameter of sma-cross [fast, quantity, slow]");
    }

    @Test
    void badParameterTextNamesTheParameter() {
        StrategyId id = StrategyId.of("bt");
        assertThatThrownBy(() -> offered.create("sma-cross", id, "AAPL", Map.of("fast", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fast: not an integer: 'x'");
        assertThatThrownBy(() -> offered.create("sma-cross", id, "AAPL", Map.of("slow", "2.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("slow: not an integer: '2.5'");
        assertThatThrownBy(() -> offered.create("sma-cross", id, "AAPL", Map.of("quantity", "ten")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("quantity: not a number: 'ten'");
        assertThatThrownBy(() -> offered.create("sma-cross", id, "AAPL", Map.of("fast", "30", "slow", "20")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("slow: must be greater than fast");
        assertThatThrownBy(() -> offered.create("sma-cross", id, "AAPL", Map.of("window", "5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("window: not a parameter of sma-cross");
        assertThatThrownBy(() -> offered.create("momentum", id, "AAPL", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name: unknown strategy 'momentum'");
    }

    /**
     * The created strategy on a backtest kernel, wired as io.amcp.backtest's engine wires one (simulated
     * clock, no journal, the paper exchange as broker and market-data sink); the engine itself cannot be
     * used here, since io.amcp.backtest's own tests depend on this bundle.
     */
    @Test
    void theCreatedStrategyTradesAapl2013OnABacktestKernel() {
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        Strategy strategy = offered.create("sma-cross", StrategyId.of("bt"), aapl.instrument().id().value(),
                Map.of("fast", "5", "slow", "20", "quantity", "100"));
        SimulatedClock clock = new SimulatedClock(aapl.time()[0] - 1);
        Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("100000"), 1.0);
        kernel.registerInstrument(aapl.instrument());
        PaperExchange exchange = new PaperExchange(clock, PaperSettings.FRICTIONLESS);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);
        List<OrderFilled> fills = new ArrayList<>();
        kernel.addListener(new KernelListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
                if (event instanceof OrderFilled f) {
                    fills.add(f);
                }
            }
        });
        kernel.addStrategy(strategy);
        for (int i = 0; i < aapl.size(); i++) {
            kernel.processBar(aapl.bar(i));
        }

        assertThat(kernel.errorCount()).isZero();
        assertThat(fills.stream().map(OrderFilled::clientOrderId).distinct().count()).as("orders filled").isPositive();
        assertThat(fills).allSatisfy(f -> assertThat(f.quantity()).isEqualTo(Quantity.of(100)));
    }
}
