package io.amcp.samples.pairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderFilled;
import io.amcp.testkit.BacktestHarness;
import io.amcp.testkit.BacktestOutcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PairsTradingStrategyTest {

    static final InstrumentId Y = InstrumentId.of("YYY");
    static final InstrumentId X = InstrumentId.of("XXX");
    static final double BETA = 1.5;

    static PairsParameters parameters() {
        return new PairsParameters(StrategyId.of("pairs"), Y, X, 250, 30, 2.0, 0.5, 4.0, Quantity.of(10));
    }

    @Test
    void recoversTheHedgeRatioOfASeededCointegratedPairAndTradesTheSpread() {
        List<BarSeries> pair = CointegratedPair.generate(42, 600, BETA, 0.03, 0.3, 0.01);
        PairsTradingStrategy strategy = new PairsTradingStrategy(parameters());

        BacktestOutcome outcome = BacktestHarness.series(pair).cash("1000000").run(strategy);

        assertThat(strategy.hedgeRatio()).isCloseTo(BETA, within(0.1));
        assertThat(outcome.denials()).isEmpty();
        Map<InstrumentId, List<OrderFilled>> byLeg = outcome.fills().stream()
                .collect(Collectors.groupingBy(OrderFilled::instrument));
        assertThat(byLeg.get(Y)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(byLeg.get(X)).hasSameSizeAs(byLeg.get(Y));
        // every entry pairs opposite sides, filled at the same bar; the x leg is sized by the hedge ratio
        for (int i = 0; i < byLeg.get(Y).size(); i++) {
            OrderFilled y = byLeg.get(Y).get(i);
            OrderFilled x = byLeg.get(X).get(i);
            assertThat(x.time()).isEqualTo(y.time());
            assertThat(x.side()).isEqualTo(y.side().opposite());
            if (i % 2 == 0) {
                assertThat(y.quantity()).isEqualTo(Quantity.of(10));
                double valueRatio = x.quantity().toDouble() * x.price().toDouble()
                        / (y.quantity().toDouble() * y.price().toDouble());
                assertThat(valueRatio).isCloseTo(BETA, within(0.3));
            }
        }
        assertThat(outcome.metrics().tradeCount()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSpreadThatStaysInsideTheBandsNeverTrades() {
        List<BarSeries> pair = CointegratedPair.generate(42, 300, BETA, 0.02, 0.2, 0.01);
        PairsTradingStrategy strategy = new PairsTradingStrategy(
                new PairsParameters(StrategyId.of("pairs"), Y, X, 120, 30, 50, 0.5, 100, Quantity.of(10)));

        BacktestOutcome outcome = BacktestHarness.series(pair).cash("1000000").run(strategy);

        assertThat(outcome.fills()).isEmpty();
        assertThat(strategy.mode()).isEqualTo(PairsTradingStrategy.Mode.FLAT);
    }

    @Test
    void badParametersNameTheField() {
        assertThatThrownBy(() -> new PairsParameters(StrategyId.of("p"), Y, Y, 120, 30, 2, 0.5, 4, Quantity.of(1)))
                .hasMessageStartingWith("symbolX:");
        assertThatThrownBy(() -> new PairsParameters(StrategyId.of("p"), Y, X, 2, 30, 2, 0.5, 4, Quantity.of(1)))
                .hasMessageStartingWith("olsWindow:");
        assertThatThrownBy(() -> new PairsParameters(StrategyId.of("p"), Y, X, 120, 30, 0.4, 0.5, 4, Quantity.of(1)))
                .hasMessageStartingWith("entryZ:");
        assertThatThrownBy(() -> new PairsParameters(StrategyId.of("p"), Y, X, 120, 30, 2, 0.5, 1, Quantity.of(1)))
                .hasMessageStartingWith("stopZ:");
        assertThatThrownBy(() -> new PairsParameters(StrategyId.of("p"), Y, X, 120, 30, 2, 0.5, 4, Quantity.ZERO))
                .hasMessageStartingWith("quantityY:");
    }

}
