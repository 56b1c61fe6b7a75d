package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.StrategyState;
import io.amcp.testkit.AmcpBacktest;
import io.amcp.testkit.BacktestHarness;
import io.amcp.testkit.BacktestOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backtests the strategy on real AAPL 2013 daily bars through the platform's kernel. */
@AmcpBacktest(dataset = "aapl-2013", cash = "10000")
class BreakoutStrategyTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final int LOOKBACK = 20;

    private static BreakoutStrategy strategy() {
        return new BreakoutStrategy(StrategyId.of("breakout"), AAPL, LOOKBACK, Quantity.of(10));
    }

    @Test
    void fillsAtTheNextOpenAfterEveryBreakout(BacktestHarness harness) {
        BarSeries aapl = harness.data().get(0);
        // the expected trades, worked out straight from the bars: a close beyond the channel of the
        // previous LOOKBACK closes decides, the next bar's open fills
        List<String> expected = new ArrayList<>();
        boolean holding = false;
        for (int i = LOOKBACK; i + 1 < aapl.size(); i++) {
            long high = Long.MIN_VALUE;
            long low = Long.MAX_VALUE;
            for (int j = i - LOOKBACK; j < i; j++) {
                high = Math.max(high, aapl.close()[j]);
                low = Math.min(low, aapl.close()[j]);
            }
            if (!holding && aapl.close()[i] > high) {
                expected.add("BUY 10@" + FixedPoint.format(aapl.open()[i + 1]));
                holding = true;
            } else if (holding && aapl.close()[i] < low) {
                expected.add("SELL 10@" + FixedPoint.format(aapl.open()[i + 1]));
                holding = false;
            }
        }

        BacktestOutcome outcome = harness.run(strategy());

        assertThat(expected).isNotEmpty();
        assertThat(outcome.fills()).map(f -> f.side() + " " + f.quantity() + "@" + f.price())
                .containsExactlyElementsOf(expected);
        assertThat(outcome.metrics().tradeCount()).isEqualTo(expected.size() / 2);
        assertThat(outcome.denials()).isEmpty();
    }

    @Test
    void snapshotCarriesTheChannelIntoANewVersion() {
        BreakoutStrategy old = strategy();
        old.restore(new StrategyState(Map.of("channel", "1.0,2.0,3.0")));

        BreakoutStrategy next = strategy();
        next.restore(old.snapshot());

        assertThat(next.snapshot()).isEqualTo(old.snapshot());
        assertThat(next.snapshot().get("channel", "")).isEqualTo("1.0,2.0,3.0");
    }

    @Test
    void badConfigurationNamesTheField() {
        assertThatThrownBy(() -> new BreakoutStrategy(StrategyId.of("b"), AAPL, 1, Quantity.of(1)))
                .hasMessageStartingWith("lookback:");
        assertThatThrownBy(() -> new BreakoutStrategy(StrategyId.of("b"), AAPL, 20, Quantity.ZERO))
                .hasMessageStartingWith("quantity:");
    }
}
