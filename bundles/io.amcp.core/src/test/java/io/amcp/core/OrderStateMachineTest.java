package io.amcp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderSubmitted;
import io.amcp.api.order.SubmitOrder;
import io.amcp.core.oms.IllegalOrderTransitionException;
import io.amcp.core.oms.OrderManager;
import io.amcp.core.oms.OrderStateMachine;
import org.junit.jupiter.api.Test;

class OrderStateMachineTest {

    private static final ClientOrderId ID = ClientOrderId.of("o-1");
    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    private OrderManager withAcceptedOrder() {
        OrderManager oms = new OrderManager();
        SubmitOrder order = SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)).withClientOrderId(ID);
        oms.apply(new OrderSubmitted(ID, StrategyId.of("s"), order, null, false, 1));
        oms.apply(new OrderAccepted(ID, OrderId.of("v1"), 2));
        return oms;
    }

    private static OrderFilled fill(String tradeId, long qty) {
        return new OrderFilled(ID, tradeId, AAPL, Side.BUY, Quantity.of(qty), Price.of("10"), Money.ZERO, 3);
    }

    @Test
    void terminalStatesHaveNoExits() {
        for (OrderStatus s : OrderStatus.values()) {
            if (s.isTerminal()) {
                assertThat(OrderStateMachine.next(s)).as(s.name()).isEmpty();
            }
        }
        assertThat(OrderStateMachine.isLegal(OrderStatus.ACCEPTED, OrderStatus.FILLED)).isTrue();
        assertThat(OrderStateMachine.isLegal(OrderStatus.HELD, OrderStatus.FILLED)).isFalse();
    }

    @Test
    void partialThenFullFillAndDuplicateTradeIgnored() {
        OrderManager oms = withAcceptedOrder();
        oms.apply(fill("t1", 4));
        assertThat(oms.status(ID)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(oms.apply(fill("t1", 4))).isEqualTo(OrderManager.Outcome.DUPLICATE);
        oms.apply(fill("t2", 6));
        assertThat(oms.status(ID)).isEqualTo(OrderStatus.FILLED);
        assertThat(oms.view(ID).filledQuantity()).isEqualTo(Quantity.of(10));
        assertThat(oms.openCount()).isZero();
    }

    @Test
    void illegalTransitionIsRefusedAndLeavesOrderUnchanged() {
        OrderManager oms = withAcceptedOrder();
        oms.apply(fill("t1", 10));
        assertThatThrownBy(() -> oms.apply(new OrderCanceled(ID, "late", 4)))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("FILLED");
        assertThat(oms.status(ID)).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void overfillIsRefused() {
        OrderManager oms = withAcceptedOrder();
        assertThatThrownBy(() -> oms.apply(fill("t1", 11))).hasMessageContaining("overfill");
        assertThat(oms.status(ID)).isEqualTo(OrderStatus.ACCEPTED);
    }
}
