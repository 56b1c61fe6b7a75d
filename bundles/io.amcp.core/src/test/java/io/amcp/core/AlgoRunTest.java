package io.amcp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.execution.AlgoContext;
import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.execution.AlgoWorker;
import io.amcp.api.execution.ExecutionAlgorithm;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.core.journal.Journal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kernel side of execution algorithms: children through the risk chain, fills, status, cancel. */
class AlgoRunTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final long DAY = 86_400_000_000_000L;
    private static final long T0 = 1_356_998_400_000_000_000L + 21 * 3_600_000_000_000L;

    private static Bar bar(int i, double open) {
        return Bar.of(AAPL, T0 + i * DAY, open, open + 1, open - 1, open, 1000);
    }

    /** Sends one child of {@code slice} on every bar while quantity is unworked. */
    static final class Slicer implements ExecutionAlgorithm {
        @Override
        public String name() {
            return "slicer";
        }

        @Override
        public AlgoWorker start(ParentOrder parent, AlgoContext context) {
            Quantity slice = Quantity.of((long) parent.doubleParameter("slice", 1));
            return new AlgoWorker() {
                @Override
                public void onBar(Bar bar) {
                    Quantity left = context.unworked();
                    if (left.isPositive()) {
                        context.submitChild(left.compareTo(slice) < 0 ? left : slice, OrderType.MARKET, null, TimeInForce.DAY);
                    }
                }
            };
        }
    }

    /** Hands a 30-share parent to the slicer on its first bar; records its order events. */
    static final class Parent implements Strategy {
        final List<OrderEvent> events = new ArrayList<>();
        StrategyContext ctx;
        ClientOrderId parent;

        @Override
        public StrategyId id() {
            return StrategyId.of("pm");
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.subscribe(AAPL);
        }

        @Override
        public void onBar(Bar bar) {
            if (parent == null) {
                parent = ctx.submitAlgo(new ParentOrder(ClientOrderId.of("p-1"), AAPL, Side.BUY, Quantity.of(30), null,
                        0, T0 + 10 * DAY, "slicer", Map.of("slice", "10")));
            }
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
            events.add(event);
        }
    }

    @Test
    void aParentIsWorkedIntoChildrenThatFillAndTheStatusAddsThemUp() {
        ScriptedVenue venue = new ScriptedVenue(Money.ZERO);
        Kernel k = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("100000"), 1.0);
        k.addBroker(venue);
        k.addMarketDataSink(venue);
        k.addAlgorithm(new Slicer());
        Parent pm = new Parent();
        k.addStrategy(pm);
        k.processBar(bar(0, 100)); // parent starts (arrival 100); the slicer sends child 1
        k.processBar(bar(1, 101)); // child 1 fills at 101; child 2 sent
        k.processBar(bar(2, 102)); // child 2 fills at 102; child 3 sent
        k.processBar(bar(3, 103)); // child 3 fills at 103: parent done

        AlgoStatus status = k.algos().get(0);
        assertThat(status.state()).isEqualTo("DONE");
        assertThat(status.reason()).isEqualTo("filled");
        assertThat(status.filled()).isEqualTo(Quantity.of(30));
        assertThat(status.children()).extracting(ClientOrderId::value).containsExactly("p-1-c1", "p-1-c2", "p-1-c3");
        // average fill by hand: (10 x 101 + 10 x 102 + 10 x 103) / 30 = 102
        assertThat(status.averagePrice()).isEqualTo(Price.of("102"));
        assertThat(status.arrivalPrice()).isEqualTo(Price.of("100"));
        // market VWAP over bars 1-3 (typical price = (h + l + c) / 3 = open, equal volumes): 102
        assertThat(status.marketVwap()).isEqualTo(Price.of("102"));
        assertThat(pm.events).filteredOn(OrderFilled.class::isInstance).hasSize(3);
        assertThat(k.positions().get(0).quantity()).isEqualTo(Quantity.of(30));
    }

    @Test
    void canceledParentsStopAndUnknownAlgorithmsAreNamed() {
        ScriptedVenue venue = new ScriptedVenue(Money.ZERO);
        Kernel k = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("100000"), 1.0);
        k.addBroker(venue);
        k.addMarketDataSink(venue);
        k.addAlgorithm(new Slicer());
        Parent pm = new Parent();
        k.addStrategy(pm);
        k.processBar(bar(0, 100));
        k.processBar(bar(1, 101));
        k.cancelAlgo(ClientOrderId.of("p-1")); // child 2 is working: it is canceled
        k.processBar(bar(2, 102));

        AlgoStatus status = k.algos().get(0);
        assertThat(status.state()).isEqualTo("CANCELED");
        assertThat(status.filled()).isEqualTo(Quantity.of(10));
        assertThat(k.orders()).filteredOn(o -> o.clientOrderId().value().equals("p-1-c2"))
                .singleElement().satisfies(o -> assertThat(o.status().name()).isEqualTo("CANCELED"));
        assertThatThrownBy(() -> k.submitAlgo(StrategyId.of("pm"), new ParentOrder(ClientOrderId.of("p-2"), AAPL,
                Side.BUY, Quantity.of(5), null, 0, T0 + DAY, "warp-speed", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("algorithm: unknown 'warp-speed'");
    }
}
