package io.amcp.strategy.marketmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.TimerHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quote placement on hand-computed cases: half-spread 0.5, gamma 0.5, sigma 1, T 2 (skew
 * 0.5 x 1^2 x 2 = 1.0 per unit), quote size 1, inventory limit 2, re-quote threshold 0.2, tick 0.01.
 */
class MarketMakingStrategyTest {

    private static final InstrumentId X = InstrumentId.of("X");

    /** Keeps submitted orders working (never fills them) and logs every action. */
    static final class RecordingContext implements StrategyContext {
        final List<String> actions = new ArrayList<>();
        final Map<ClientOrderId, OrderView> open = new LinkedHashMap<>();
        Quantity position = Quantity.ZERO;

        @Override public StrategyId strategyId() { return StrategyId.of("mm"); }
        @Override public Clock clock() { return () -> 0L; }
        @Override public void subscribe(InstrumentId instrument) { }
        @Override public ClientOrderId submit(SubmitOrder order) {
            actions.add("new " + order.side() + " " + order.quantity() + "@" + order.limitPrice());
            open.put(order.clientOrderId(), view(order));
            return order.clientOrderId();
        }
        @Override public void cancel(ClientOrderId id) {
            actions.add("cancel " + open.remove(id).request().side());
        }
        @Override public void replace(ReplaceOrder replace) {
            SubmitOrder old = open.remove(replace.clientOrderId()).request();
            SubmitOrder.Builder b = old.toBuilder().clientOrderId(replace.newClientOrderId());
            if (replace.limitPrice() != null) {
                b.limitPrice(replace.limitPrice());
            }
            if (replace.quantity() != null) {
                b.quantity(replace.quantity());
            }
            SubmitOrder next = b.build();
            actions.add("replace " + next.side() + " " + next.quantity() + "@" + next.limitPrice());
            open.put(next.clientOrderId(), view(next));
        }
        private OrderView view(SubmitOrder o) {
            return new OrderView(o.clientOrderId(), null, StrategyId.of("mm"), o, OrderStatus.ACCEPTED, Quantity.ZERO,
                    null, null, 0, 0, null);
        }
        @Override public PositionView position(InstrumentId instrument) {
            return new PositionView(instrument, position, Price.ZERO, Price.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        }
        @Override public AccountView account() { return null; }
        @Override public List<OrderView> openOrders() { return List.copyOf(open.values()); }
        @Override public TimerHandle scheduleAt(long t, Runnable task) { return () -> { }; }
    }

    private static MarketMakingStrategy strategy() {
        return new MarketMakingStrategy(StrategyId.of("mm"), X, new MarketMakingStrategy.Parameters(Price.of("0.5"),
                0.5, 1.0, 2.0, Quantity.of(1), Quantity.of(2), Price.of("0.2"), Price.of("0.01")));
    }

    private static Quote quote(double bid, double ask) {
        return Quote.of(X, 1L, bid, ask, 5, 5);
    }

    @Test
    void quotesAroundTheMidRequotesOnMovesAndSkewsByInventory() {
        MarketMakingStrategy s = strategy();
        RecordingContext ctx = new RecordingContext();
        s.onStart(ctx);
        // mid (99.9 + 100.1) / 2 = 100, flat: r = 100, bid 100 - 0.5 = 99.5, ask 100.5
        s.onQuote(quote(99.9, 100.1));
        assertThat(ctx.actions).containsExactly("new BUY 1@99.5", "new SELL 1@100.5");
        // mid 100.1: moved 0.1, not above 0.2: nothing
        s.onQuote(quote(100.0, 100.2));
        assertThat(ctx.actions).hasSize(2);
        // mid 100.5: moved 0.5 > 0.2: both prices replaced, bid 100.0, ask 101.0
        s.onQuote(quote(100.4, 100.6));
        assertThat(ctx.actions.subList(2, 4)).containsExactly("replace BUY 1@100", "replace SELL 1@101");
        // long 1 at the same mid: r = 100.5 - 1 x 1.0 = 99.5, bid 99.0, ask 100.0 (room: buy 2 - 1 = 1)
        ctx.position = Quantity.of(1);
        s.onQuote(quote(100.4, 100.6));
        assertThat(ctx.actions.subList(4, 6)).containsExactly("replace BUY 1@99", "replace SELL 1@100");
        // long 2 = the limit: r = 100.5 - 2 = 98.5; no room to buy: the bid is canceled; ask 99.0
        ctx.position = Quantity.of(2);
        s.onQuote(quote(100.4, 100.6));
        assertThat(ctx.actions.subList(6, 8)).containsExactly("cancel BUY", "replace SELL 1@99");
        assertThat(ctx.open).hasSize(1);
    }

    @Test
    void shortInventorySkewsUpAndRoundsAwayFromTheReservationPrice() {
        // short 1.5: r = 100 + 1.5 x 1.0 = 101.5; bid 101.0; ask 102.0; bid room 2 + 1.5 = 3.5 -> 1, ask room
        // 2 - 1.5 = 0.5. With mid 100.003 (bid 99.996, ask 100.010, mid rounded down to 1e-8): r = 101.503,
        // bid floor(101.003 / 0.01) x 0.01 = 101.00, ask ceil(102.003 / 0.01) x 0.01 = 102.01
        MarketMakingStrategy s = strategy();
        RecordingContext ctx = new RecordingContext();
        ctx.position = Quantity.of("-1.5");
        s.onStart(ctx);
        s.onQuote(quote(99.996, 100.010));
        assertThat(ctx.actions).containsExactly("new BUY 1@101", "new SELL 0.5@102.01");
    }

    @Test
    void snapshotKeepsTheLastRevisionAndTheIdSequence() {
        MarketMakingStrategy old = strategy();
        RecordingContext ctx = new RecordingContext();
        old.onStart(ctx);
        old.onQuote(quote(99.9, 100.1));
        MarketMakingStrategy next = strategy();
        next.restore(old.snapshot());
        next.onStart(ctx);
        // same mid: the new version sees nothing to revise (an unwarm one would re-quote)
        next.onQuote(quote(99.9, 100.1));
        assertThat(ctx.actions).hasSize(2);
        // a move: the replacement ids continue the old sequence (mm-1, mm-2 are taken)
        next.onQuote(quote(100.4, 100.6));
        assertThat(ctx.open.keySet()).extracting(ClientOrderId::value).containsExactly("mm-mm-3", "mm-mm-4");
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        Price h = Price.of("0.5");
        Quantity one = Quantity.of(1);
        Price t = Price.of("0.01");
        assertThatThrownBy(() -> new MarketMakingStrategy.Parameters(Price.ZERO, 0.1, 1, 1, one, one, h, t))
                .hasMessageStartingWith("halfSpread:");
        assertThatThrownBy(() -> new MarketMakingStrategy.Parameters(h, -1, 1, 1, one, one, h, t))
                .hasMessageStartingWith("riskAversion:");
        assertThatThrownBy(() -> new MarketMakingStrategy.Parameters(h, 0.1, Double.NaN, 1, one, one, h, t))
                .hasMessageStartingWith("volatility:");
        assertThatThrownBy(() -> new MarketMakingStrategy.Parameters(h, 0.1, 1, -1, one, one, h, t))
                .hasMessageStartingWith("horizonSeconds:");
        assertThatThrownBy(() -> new MarketMakingStrategy.Parameters(h, 0.1, 1, 1, Quantity.ZERO, one, h, t))
                .hasMessageStartingWith("quoteSize:");
        assertThatThrownBy(() -> new MarketMakingStrategy.Parameters(h, 0.1, 1, 1, Quantity.of(2), one, h, t))
                .hasMessageStartingWith("maxInventory:");
        assertThatThrownBy(() -> new MarketMakingStrategy.Parameters(h, 0.1, 1, 1, one, one, h, Price.ZERO))
                .hasMessageStartingWith("tickSize:");
    }
}
