package io.amcp.samples.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
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

/**
 * Hot swap: a new instance restored from the old one's snapshot, taken between the two legs of a
 * bar time, decides exactly what the old one goes on deciding.
 */
class PairsSnapshotTest {

    @Test
    void aRestoredInstanceContinuesExactlyLikeTheOriginal() {
        List<BarSeries> pair = CointegratedPair.generate(42, 600, 1.5, 0.03, 0.3, 0.01);
        BarSeries y = pair.get(0);
        BarSeries x = pair.get(1);
        int swapAt = 400;

        PairsTradingStrategy original = new PairsTradingStrategy(PairsTradingStrategyTest.parameters());
        InstantFillContext originalContext = new InstantFillContext();
        original.onStart(originalContext);
        for (int i = 0; i < swapAt; i++) {
            original.onBar(y.bar(i));
            original.onBar(x.bar(i));
        }
        original.onBar(y.bar(swapAt));

        PairsTradingStrategy restored = new PairsTradingStrategy(PairsTradingStrategyTest.parameters());
        restored.restore(original.snapshot());
        InstantFillContext restoredContext = new InstantFillContext();
        restoredContext.positions.putAll(originalContext.positions);
        restored.onStart(restoredContext);
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());

        originalContext.orders.clear();
        original.onBar(x.bar(swapAt));
        restored.onBar(x.bar(swapAt));
        for (int i = swapAt + 1; i < y.size(); i++) {
            original.onBar(y.bar(i));
            original.onBar(x.bar(i));
            restored.onBar(y.bar(i));
            restored.onBar(x.bar(i));
        }

        assertThat(originalContext.orders).isNotEmpty();
        assertThat(restoredContext.orders).containsExactlyElementsOf(originalContext.orders);
        assertThat(restored.hedgeRatio()).isEqualTo(original.hedgeRatio());
        assertThat(restored.zScore()).isEqualTo(original.zScore());
        assertThat(restored.mode()).isEqualTo(original.mode());
    }

    /** Fills every order at once into a position map; records what was submitted. */
    private static final class InstantFillContext implements StrategyContext {
        final Map<InstrumentId, Long> positions = new HashMap<>();
        final List<String> orders = new ArrayList<>();

        @Override
        public StrategyId strategyId() {
            return StrategyId.of("pairs");
        }

        @Override
        public Clock clock() {
            throw new UnsupportedOperationException("the strategy must not need the clock");
        }

        @Override
        public void subscribe(InstrumentId instrument) {
        }

        @Override
        public ClientOrderId submit(SubmitOrder order) {
            long units = order.quantity().raw() * (order.side() == Side.BUY ? 1 : -1);
            positions.merge(order.instrument(), units, Long::sum);
            orders.add(order.side() + " " + order.quantity() + " " + order.instrument());
            return ClientOrderId.of("o" + orders.size());
        }

        @Override
        public void cancel(ClientOrderId clientOrderId) {
            throw new UnsupportedOperationException("cancel");
        }

        @Override
        public void replace(ReplaceOrder replace) {
            throw new UnsupportedOperationException("replace");
        }

        @Override
        public PositionView position(InstrumentId instrument) {
            long raw = positions.getOrDefault(instrument, 0L);
            PositionView flat = PositionView.flat(instrument);
            return new PositionView(instrument, Quantity.ofRaw(raw), flat.averageCost(), flat.lastPrice(),
                    flat.marketValue(), flat.realizedPnl(), flat.unrealizedPnl());
        }

        @Override
        public AccountView account() {
            throw new UnsupportedOperationException("account");
        }

        @Override
        public List<OrderView> openOrders() {
            return List.of();
        }

        @Override
        public TimerHandle scheduleAt(long timeNanos, Runnable task) {
            throw new UnsupportedOperationException("scheduleAt");
        }
    }
}
