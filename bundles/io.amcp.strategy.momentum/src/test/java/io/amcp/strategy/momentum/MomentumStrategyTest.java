package io.amcp.strategy.momentum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.TimerHandle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signal and sizing logic on hand-computed bars. */
class MomentumStrategyTest {

    private static final InstrumentId X = InstrumentId.of("X");

    /** Records submissions; the position follows each submitted order as if it filled at once. */
    static final class RecordingContext implements StrategyContext {
        final List<SubmitOrder> submitted = new ArrayList<>();
        Quantity position = Quantity.ZERO;

        @Override public StrategyId strategyId() { return StrategyId.of("t"); }
        @Override public Clock clock() { return () -> 0L; }
        @Override public void subscribe(InstrumentId instrument) { }
        @Override public ClientOrderId submit(SubmitOrder order) {
            submitted.add(order);
            position = order.side() == Side.BUY ? position.plus(order.quantity()) : position.minus(order.quantity());
            return ClientOrderId.of("t-" + submitted.size());
        }
        @Override public void cancel(ClientOrderId id) { }
        @Override public void replace(ReplaceOrder replace) { }
        @Override public PositionView position(InstrumentId instrument) {
            return new PositionView(instrument, position, Price.ZERO, Price.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        }
        @Override public AccountView account() { return null; }
        @Override public List<OrderView> openOrders() { return List.of(); }
        @Override public TimerHandle scheduleAt(long t, Runnable task) { return () -> { }; }
    }

    private static MomentumStrategy strategy(double maxLeverage, int rebalanceBars, boolean allowShort) {
        // lookback 2, volatility window 2, target 10% a "year" of one bar, capital 10,000, whole units
        return new MomentumStrategy(StrategyId.of("t"), X, new MomentumStrategy.Parameters(2, 2, 0.10, maxLeverage,
                rebalanceBars, 1, allowShort, Money.of("10000"), Quantity.of(1)));
    }

    private static List<String> feed(MomentumStrategy s, RecordingContext ctx, double... closes) {
        s.onStart(ctx);
        for (int i = 0; i < closes.length; i++) {
            s.onBar(Bar.of(X, 1_000L * (i + 1), closes[i], closes[i], closes[i], closes[i], 100));
        }
        return ctx.submitted.stream().map(o -> o.side() + " " + o.quantity()).toList();
    }

    @Test
    void goesLongSizedToTheTargetVolatility() {
        // closes 100, 120, 108: 2-bar return 108 / 100 - 1 = +8% -> long
        // log returns ln 1.2 = 0.1823216, ln 0.9 = -0.1053605; mean 0.0384805, both deviate by
        // 0.1438410 -> population sd 0.1438410 (x sqrt(1) per "year")
        // leverage 0.10 / 0.1438410 = 0.695212; units 10,000 x 0.695212 / 108 = 64.37 -> BUY 64
        RecordingContext ctx = new RecordingContext();
        assertThat(feed(strategy(2.0, 1, false), ctx, 100, 120, 108)).containsExactly("BUY 64");
    }

    @Test
    void capsTheLeverage() {
        // as above, but leverage min(0.5, 0.695212) = 0.5: 5,000 / 108 = 46.3 -> BUY 46
        RecordingContext ctx = new RecordingContext();
        assertThat(feed(strategy(0.5, 1, false), ctx, 100, 120, 108)).containsExactly("BUY 46");
    }

    @Test
    void aNegativeReturnGoesFlatOrShort() {
        // index 3, close 97.2: 2-bar return 97.2 / 120 - 1 = -19%
        // long-only: target 0 -> SELL the 64 held
        RecordingContext longOnly = new RecordingContext();
        assertThat(feed(strategy(2.0, 1, false), longOnly, 100, 120, 108, 97.2)).containsExactly("BUY 64", "SELL 64");
        // with shorts: log returns ln 0.9, ln 0.9 have sd 0 -> leverage = cap 2: 20,000 / 97.2 = 205.76 -> target
        // -205, from +64 that is SELL 269
        RecordingContext withShorts = new RecordingContext();
        assertThat(feed(strategy(2.0, 1, true), withShorts, 100, 120, 108, 97.2)).containsExactly("BUY 64", "SELL 269");
    }

    @Test
    void rebalancesOnlyEveryNBars() {
        // rebalance every 2 bars: first on index 2 (the first bar with both indicators), next on index 4;
        // index 3 (97.2, a flat signal) is skipped; index 4, close 106.92 = 97.2 x 1.1: 2-bar return
        // 106.92 / 108 - 1 = -1% -> flat -> SELL 64
        RecordingContext ctx = new RecordingContext();
        assertThat(feed(strategy(2.0, 2, false), ctx, 100, 120, 108, 97.2)).containsExactly("BUY 64");
        MomentumStrategy s = strategy(2.0, 2, false);
        RecordingContext full = new RecordingContext();
        assertThat(feed(s, full, 100, 120, 108, 97.2, 106.92)).containsExactly("BUY 64", "SELL 64");
    }

    @Test
    void snapshotResumesTheRebalanceScheduleAndWarmIndicators() {
        MomentumStrategy old = strategy(2.0, 2, false);
        RecordingContext before = new RecordingContext();
        feed(old, before, 100, 120, 108, 97.2);
        MomentumStrategy next = strategy(2.0, 2, false);
        next.restore(old.snapshot());
        RecordingContext after = new RecordingContext();
        after.position = before.position;
        next.onStart(after);
        next.onBar(Bar.of(X, 5_000L, 106.92, 106.92, 106.92, 106.92, 100));
        // the uninterrupted instance sells on index 4 (previous test); so does the restored one
        assertThat(after.submitted).extracting(o -> o.side() + " " + o.quantity()).containsExactly("SELL 64");
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        Money c = Money.of("1000");
        Quantity l = Quantity.of(1);
        assertThatThrownBy(() -> new MomentumStrategy.Parameters(0, 20, 0.1, 1, 5, 252, false, c, l))
                .hasMessageStartingWith("lookback:");
        assertThatThrownBy(() -> new MomentumStrategy.Parameters(120, 1, 0.1, 1, 5, 252, false, c, l))
                .hasMessageStartingWith("volatilityWindow:");
        assertThatThrownBy(() -> new MomentumStrategy.Parameters(120, 20, 0, 1, 5, 252, false, c, l))
                .hasMessageStartingWith("targetVolatility:");
        assertThatThrownBy(() -> new MomentumStrategy.Parameters(120, 20, 0.1, 0, 5, 252, false, c, l))
                .hasMessageStartingWith("maxLeverage:");
        assertThatThrownBy(() -> new MomentumStrategy.Parameters(120, 20, 0.1, 1, 0, 252, false, c, l))
                .hasMessageStartingWith("rebalanceBars:");
        assertThatThrownBy(() -> new MomentumStrategy.Parameters(120, 20, 0.1, 1, 5, 0, false, c, l))
                .hasMessageStartingWith("periodsPerYear:");
        assertThatThrownBy(() -> new MomentumStrategy.Parameters(120, 20, 0.1, 1, 5, 252, false, Money.ZERO, l))
                .hasMessageStartingWith("capital:");
        assertThatThrownBy(() -> new MomentumStrategy.Parameters(120, 20, 0.1, 1, 5, 252, false, c, Quantity.ZERO))
                .hasMessageStartingWith("lotSize:");
    }
}
