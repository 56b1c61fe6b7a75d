package io.amcp.strategy.xsmomentum;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ranking, equal weighting and sells-before-buys on three symbols with hand-computed returns. */
class CrossSectionalMomentumStrategyTest {

    private static final InstrumentId A = InstrumentId.of("A");
    private static final InstrumentId B = InstrumentId.of("B");
    private static final InstrumentId C = InstrumentId.of("C");

    /** Fills every submitted order at once; equity stays 10,000. */
    static final class RecordingContext implements StrategyContext {
        final List<String> submitted = new ArrayList<>();
        final Map<InstrumentId, Quantity> positions = new HashMap<>();

        @Override public StrategyId strategyId() { return StrategyId.of("t"); }
        @Override public Clock clock() { return () -> 0L; }
        @Override public void subscribe(InstrumentId instrument) { }
        @Override public ClientOrderId submit(SubmitOrder order) {
            submitted.add(order.side() + " " + order.instrument() + " " + order.quantity());
            Quantity q = order.side() == Side.BUY ? order.quantity() : order.quantity().negate();
            positions.merge(order.instrument(), q, Quantity::plus);
            return ClientOrderId.of("t-" + submitted.size());
        }
        @Override public void cancel(ClientOrderId id) { }
        @Override public void replace(ReplaceOrder replace) { }
        @Override public PositionView position(InstrumentId instrument) {
            return new PositionView(instrument, positions.getOrDefault(instrument, Quantity.ZERO), Price.ZERO, Price.ZERO,
                    Money.ZERO, Money.ZERO, Money.ZERO);
        }
        @Override public AccountView account() {
            Money e = Money.of("10000");
            return new AccountView(e, e, e, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, e, Money.ZERO);
        }
        @Override public List<OrderView> openOrders() { return List.of(); }
        @Override public TimerHandle scheduleAt(long t, Runnable task) { return () -> { }; }
    }

    // step         0    1    2    3    4    5    6
    // A           10   11   12   12   12   12   12
    // B           10   10   10   13   14   15   15
    // C           10    9    8    8    8    9    9
    private static final double[][] CLOSES = {
        {10, 11, 12, 12, 12, 12, 12}, {10, 10, 10, 13, 14, 15, 15}, {10, 9, 8, 8, 8, 9, 9}};

    private static CrossSectionalMomentumStrategy strategy(boolean shortBottom) {
        // lookback 2, skip 1, top 1, rebalance every 2 steps, gross 1, no cash buffer, whole units
        return new CrossSectionalMomentumStrategy(StrategyId.of("t"), List.of(A, B, C),
                new CrossSectionalMomentumStrategy.Parameters(2, 1, 1, shortBottom, 2, 1.0, 0.0, Quantity.of(1)));
    }

    private static void feed(CrossSectionalMomentumStrategy s, int from, int to) {
        InstrumentId[] symbols = {A, B, C};
        for (int step = from; step < to; step++) {
            for (int k = 0; k < 3; k++) {
                double c = CLOSES[k][step];
                s.onBar(Bar.of(symbols[k], 1_000L * (step + 1), c, c, c, c, 100));
            }
        }
    }

    @Test
    void holdsTheTopSymbolAndRotatesSellingBeforeBuying() {
        // step 3: first step with scores: return from 3 to 1 bars ago = close[2] / close[0] - 1:
        //   A 12/10-1 = +20%, B 10/10-1 = 0, C 8/10-1 = -20% -> long A, 10,000 / 12 = 833.3 -> BUY A 833
        // step 5 (two steps later): close[4] / close[2] - 1: A 12/12-1 = 0, B 14/10-1 = +40%, C 8/8-1 = 0
        //   -> long B: first SELL A 833 only; the buy waits for the sells
        // step 6: no order working -> BUY B, 10,000 / 15 = 666.7 -> 666
        CrossSectionalMomentumStrategy s = strategy(false);
        RecordingContext ctx = new RecordingContext();
        s.onStart(ctx);
        feed(s, 0, 4);
        assertThat(ctx.submitted).containsExactly("BUY A 833");
        feed(s, 4, 6);
        assertThat(ctx.submitted).containsExactly("BUY A 833", "SELL A 833");
        feed(s, 6, 7);
        assertThat(ctx.submitted).containsExactly("BUY A 833", "SELL A 833", "BUY B 666");
    }

    @Test
    void shortsTheBottomSymbolWithHalfTheGrossPerLeg() {
        // step 3: long A, short C, each leg 10,000 / 2 = 5,000: A 5,000 / 12 = 416.7 -> 416,
        // C 5,000 / 8 = 625
        CrossSectionalMomentumStrategy s = strategy(true);
        RecordingContext ctx = new RecordingContext();
        s.onStart(ctx);
        feed(s, 0, 4);
        assertThat(ctx.submitted).containsExactly("BUY A 416", "SELL C 625");
        assertThat(s.longs()).containsExactly(A);
        assertThat(s.shorts()).containsExactly(C);
    }

    @Test
    void snapshotCarriesPendingBuysAndWarmScoresIntoANewInstance() {
        CrossSectionalMomentumStrategy old = strategy(false);
        RecordingContext ctx = new RecordingContext();
        old.onStart(ctx);
        feed(old, 0, 6);
        CrossSectionalMomentumStrategy next = strategy(false);
        next.restore(old.snapshot());
        next.onStart(ctx);
        feed(next, 6, 7);
        // the same buy the uninterrupted instance sends at step 6
        assertThat(ctx.submitted).containsExactly("BUY A 833", "SELL A 833", "BUY B 666");
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        Quantity l = Quantity.of(1);
        assertThatThrownBy(() -> new CrossSectionalMomentumStrategy.Parameters(0, 5, 2, false, 21, 1, 0, l))
                .hasMessageStartingWith("lookback:");
        assertThatThrownBy(() -> new CrossSectionalMomentumStrategy.Parameters(60, -1, 2, false, 21, 1, 0, l))
                .hasMessageStartingWith("skip:");
        assertThatThrownBy(() -> new CrossSectionalMomentumStrategy.Parameters(60, 5, 0, false, 21, 1, 0, l))
                .hasMessageStartingWith("topK:");
        assertThatThrownBy(() -> new CrossSectionalMomentumStrategy.Parameters(60, 5, 2, false, 0, 1, 0, l))
                .hasMessageStartingWith("rebalanceBars:");
        assertThatThrownBy(() -> new CrossSectionalMomentumStrategy.Parameters(60, 5, 2, false, 21, 0, 0, l))
                .hasMessageStartingWith("grossExposure:");
        assertThatThrownBy(() -> new CrossSectionalMomentumStrategy.Parameters(60, 5, 2, false, 21, 1, 1, l))
                .hasMessageStartingWith("cashBuffer:");
        CrossSectionalMomentumStrategy.Parameters twoEachSide =
                new CrossSectionalMomentumStrategy.Parameters(60, 5, 2, true, 21, 1, 0, l);
        assertThatThrownBy(() -> new CrossSectionalMomentumStrategy(StrategyId.of("t"), List.of(A, B, C), twoEachSide))
                .hasMessageStartingWith("topK:");
        assertThatThrownBy(() -> new CrossSectionalMomentumStrategy(StrategyId.of("t"), List.of(A), twoEachSide))
                .hasMessageStartingWith("symbols:");
    }
}
