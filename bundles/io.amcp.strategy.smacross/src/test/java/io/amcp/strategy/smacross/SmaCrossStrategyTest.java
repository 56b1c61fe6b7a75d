package io.amcp.strategy.smacross;

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

class SmaCrossStrategyTest {

    private static final InstrumentId X = InstrumentId.of("X");

    /** Records submissions; the position is whatever the test sets. */
    static final class RecordingContext implements StrategyContext {
        final List<SubmitOrder> submitted = new ArrayList<>();
        Quantity position = Quantity.ZERO;

        @Override public StrategyId strategyId() { return StrategyId.of("t"); }
        @Override public Clock clock() { return () -> 0L; }
        @Override public void subscribe(InstrumentId instrument) { }
        @Override public ClientOrderId submit(SubmitOrder order) {
            submitted.add(order);
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

    private static Bar close(int i, double c) {
        return Bar.of(X, 1_000L * (i + 1), c, c, c, c, 100);
    }

    @Test
    void buysOnGoldenCrossAndSellsOnDeathCrossByHand() {
        // closes        10    9     8     9      11     12     10   8
        // SMA(2)        -     9.5   8.5   8.5    10     11.5   11   9
        // SMA(3)        -     -     9     8.667  9.333  10.667 11   10
        // sign          .     .     -     -      +      +      =(+) -
        // golden cross at index 4 (buy), death cross at index 7 (sell)
        double[] closes = {10, 9, 8, 9, 11, 12, 10, 8};
        SmaCrossStrategy s = new SmaCrossStrategy(StrategyId.of("t"), X, 2, 3, Quantity.of(5));
        RecordingContext ctx = new RecordingContext();
        s.onStart(ctx);
        for (int i = 0; i <= 4; i++) {
            s.onBar(close(i, closes[i]));
        }
        assertThat(ctx.submitted).hasSize(1);
        assertThat(ctx.submitted.get(0).side()).isEqualTo(Side.BUY);
        assertThat(ctx.submitted.get(0).quantity()).isEqualTo(Quantity.of(5));
        ctx.position = Quantity.of(5);
        for (int i = 5; i < closes.length; i++) {
            s.onBar(close(i, closes[i]));
        }
        assertThat(ctx.submitted).hasSize(2);
        assertThat(ctx.submitted.get(1).side()).isEqualTo(Side.SELL);
        assertThat(ctx.submitted.get(1).quantity()).isEqualTo(Quantity.of(5));
    }

    @Test
    void snapshotCarriesWarmAveragesIntoANewInstance() {
        double[] closes = {10, 9, 8, 9};
        SmaCrossStrategy old = new SmaCrossStrategy(StrategyId.of("t"), X, 2, 3, Quantity.of(5));
        old.onStart(new RecordingContext());
        for (int i = 0; i < closes.length; i++) {
            old.onBar(close(i, closes[i]));
        }
        SmaCrossStrategy next = new SmaCrossStrategy(StrategyId.of("t"), X, 2, 3, Quantity.of(5));
        next.restore(old.snapshot());
        RecordingContext ctx = new RecordingContext();
        next.onStart(ctx);
        next.onBar(close(4, 11));
        // the swapped-in instance sees the same golden cross at index 4 as an unswapped one would
        assertThat(ctx.submitted).extracting(SubmitOrder::side).containsExactly(Side.BUY);
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        assertThatThrownBy(() -> new SmaCrossStrategy(StrategyId.of("t"), X, 30, 10, Quantity.of(1)))
                .hasMessageStartingWith("slow:");
        assertThatThrownBy(() -> new SmaCrossStrategy(StrategyId.of("t"), X, 0, 10, Quantity.of(1)))
                .hasMessageStartingWith("fast:");
    }
}
