package io.amcp.strategy.meanreversion;

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

/** Signal logic on hand-computed bars: Bollinger(3, 1) and Wilder RSI(2). */
class MeanReversionStrategyTest {

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

    private static MeanReversionStrategy strategy(boolean allowShort) {
        return new MeanReversionStrategy(StrategyId.of("t"), X, 3, 1.0, 2, 30, 70, allowShort, Quantity.of(5));
    }

    private static List<String> feed(MeanReversionStrategy s, RecordingContext ctx, double... closes) {
        s.onStart(ctx);
        for (int i = 0; i < closes.length; i++) {
            s.onBar(Bar.of(X, 1_000L * (i + 1), closes[i], closes[i], closes[i], closes[i], 100));
        }
        return ctx.submitted.stream().map(o -> o.side() + " " + o.quantity()).toList();
    }

    @Test
    void buysBelowTheLowerBandOnOversoldRsiAndSellsAtTheMiddleBand() {
        // closes            10     10     10     7      9
        // Bollinger(3, 1):  window (10,10,7): mean 9, deviations 1, 1, -2, population variance
        //                   (1 + 1 + 4) / 3 = 2, sd 1.41421, lower 9 - 1.41421 = 7.58579 > 7
        // RSI(2) Wilder:    changes 0, 0 -> seed avgGain 0, avgLoss 0 (RSI 0 at index 2, but the band
        //                   there is 10 +/- 0 and 10 is not below 10); change -3 at index 3:
        //                   avgGain (0 x 1 + 0) / 2 = 0, avgLoss (0 x 1 + 3) / 2 = 1.5 -> RSI 0 < 30: BUY 5
        // index 4:          window (10,7,9): middle 26 / 3 = 8.667 <= 9: SELL the 5 held
        RecordingContext ctx = new RecordingContext();
        assertThat(feed(strategy(true), ctx, 10, 10, 10, 7, 9)).containsExactly("BUY 5", "SELL 5");
    }

    @Test
    void sellsShortAboveTheUpperBandOnOverboughtRsiAndCoversAtTheMiddleBand() {
        // closes            10     10     10     13     11
        // Bollinger(3, 1):  window (10,10,13): mean 11, deviations -1, -1, 2, variance 6 / 3 = 2,
        //                   upper 11 + 1.41421 = 12.41421 < 13
        // RSI(2):           change +3: avgGain (0 + 3) / 2 = 1.5, avgLoss 0 -> RSI 100 > 70: SELL 5
        // index 4:          window (10,13,11): middle 34 / 3 = 11.333 >= 11: BUY 5 back
        RecordingContext ctx = new RecordingContext();
        assertThat(feed(strategy(true), ctx, 10, 10, 10, 13, 11)).containsExactly("SELL 5", "BUY 5");
        assertThat(ctx.position.isZero()).isTrue();
    }

    @Test
    void staysFlatAboveTheUpperBandWhenShortsAreNotAllowed() {
        RecordingContext ctx = new RecordingContext();
        assertThat(feed(strategy(false), ctx, 10, 10, 10, 13, 11)).isEmpty();
    }

    @Test
    void aBandBreakWithoutAnOversoldRsiDoesNotEnter() {
        // closes            10     12     14     16     12
        // index 3:          window (12,14,16): upper 14 + 1.63299 = 15.633 < 16 with RSI 100 would
        //                   enter short; shorts are off here, so the position stays flat
        // RSI(2):           changes +2, +2 -> seed avgGain 2, avgLoss 0; +2 -> gain (2 + 2) / 2 = 2,
        //                   loss 0; -4 -> gain (2 + 0) / 2 = 1, loss (0 + 4) / 2 = 2, RS 0.5,
        //                   RSI 100 - 100 / 1.5 = 33.33, not below 30
        // Bollinger(3, 1):  window (14,16,12): mean 14, variance (0 + 4 + 4) / 3 = 2.667, sd 1.63299,
        //                   lower 12.36701 > 12: the band is broken but the RSI filter holds
        RecordingContext ctx = new RecordingContext();
        assertThat(feed(strategy(false), ctx, 10, 12, 14, 16, 12)).isEmpty();
    }

    @Test
    void snapshotCarriesWarmIndicatorsIntoANewInstance() {
        MeanReversionStrategy old = strategy(true);
        feed(old, new RecordingContext(), 10, 10, 10);
        MeanReversionStrategy next = strategy(true);
        next.restore(old.snapshot());
        RecordingContext ctx = new RecordingContext();
        // the swapped-in instance enters on index 3 exactly as the uninterrupted one above does
        next.onStart(ctx);
        next.onBar(Bar.of(X, 4_000L, 7, 7, 7, 7, 100));
        assertThat(ctx.submitted).extracting(SubmitOrder::side).containsExactly(Side.BUY);
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        StrategyId t = StrategyId.of("t");
        assertThatThrownBy(() -> new MeanReversionStrategy(t, X, 1, 2, 14, 30, 70, true, Quantity.of(1)))
                .hasMessageStartingWith("bandPeriod:");
        assertThatThrownBy(() -> new MeanReversionStrategy(t, X, 20, 0, 14, 30, 70, true, Quantity.of(1)))
                .hasMessageStartingWith("bandWidth:");
        assertThatThrownBy(() -> new MeanReversionStrategy(t, X, 20, 2, 0, 30, 70, true, Quantity.of(1)))
                .hasMessageStartingWith("rsiPeriod:");
        assertThatThrownBy(() -> new MeanReversionStrategy(t, X, 20, 2, 14, 0, 70, true, Quantity.of(1)))
                .hasMessageStartingWith("oversold:");
        assertThatThrownBy(() -> new MeanReversionStrategy(t, X, 20, 2, 14, 30, 20, true, Quantity.of(1)))
                .hasMessageStartingWith("overbought:");
        assertThatThrownBy(() -> new MeanReversionStrategy(t, X, 20, 2, 14, 30, 70, true, Quantity.ZERO))
                .hasMessageStartingWith("quantity:");
    }
}
