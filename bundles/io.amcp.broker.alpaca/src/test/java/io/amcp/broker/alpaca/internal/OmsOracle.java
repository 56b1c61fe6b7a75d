package io.amcp.broker.alpaca.internal;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderSubmitted;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerListener;
import io.amcp.core.oms.OrderManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kernel's own OMS ({@code io.amcp.core.oms.OrderManager}) as an independent check: orders are
 * entered as the kernel enters them (a bracket's legs held, an OCO as its two legs), and every
 * broker event is applied through the kernel's state table after its redundancy check, exactly as
 * the kernel does. An illegal transition is recorded as a failure.
 */
final class OmsOracle implements BrokerListener {

    private final OrderManager oms = new OrderManager();
    private final List<OrderEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<OrderEvent> applied = new CopyOnWriteArrayList<>();

    synchronized void submitted(SubmitOrder order) {
        StrategyId owner = StrategyId.of("test");
        ClientOrderId id = order.clientOrderId();
        if (order.orderClass() == OrderClass.OCO) {
            oms.apply(new OrderSubmitted(order.takeProfitLeg().clientOrderId(), owner, order.takeProfitLeg(), id, false, 0));
            oms.apply(new OrderSubmitted(order.stopLossLeg().clientOrderId(), owner, order.stopLossLeg(), id, false, 0));
            return;
        }
        oms.apply(new OrderSubmitted(id, owner, order, null, false, 0));
        if (order.takeProfit() != null) {
            oms.apply(new OrderSubmitted(order.takeProfitLeg().clientOrderId(), owner, order.takeProfitLeg(), id, true, 0));
        }
        if (order.stopLoss() != null) {
            oms.apply(new OrderSubmitted(order.stopLossLeg().clientOrderId(), owner, order.stopLossLeg(), id, true, 0));
        }
    }

    @Override
    public synchronized void onOrderEvent(OrderEvent event) {
        events.add(event);
        try {
            if (!oms.isRedundant(event)) {
                oms.apply(event);
                applied.add(event);
            }
        } catch (RuntimeException e) {
            failures.add(e.getMessage());
        }
    }

    List<OrderEvent> events() {
        return new ArrayList<>(events);
    }

    /** Events the OMS applied (not redundant). */
    List<OrderEvent> applied() {
        return new ArrayList<>(applied);
    }

    List<String> failures() {
        return new ArrayList<>(failures);
    }

    synchronized OrderStatus status(String id) {
        return oms.status(ClientOrderId.of(id));
    }

    synchronized OrderView view(String id) {
        return oms.view(ClientOrderId.of(id));
    }
}
