package io.amcp.api.spi;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderStatus;
import java.util.Map;

/**
 * What a broker says the account holds: the state the after-hours reconciliation compares with the
 * platform's own books. Amounts are fixed-point ({@link Quantity}, {@link Money}, scale 1e-8), so a
 * statement compares exactly with the OMS and the ledger.
 *
 * @param brokerId  the broker connector's id
 * @param orders    per client order id: the broker's status and filled quantity
 * @param positions per instrument: the net quantity (flat instruments may be omitted)
 * @param cash      the broker's cash balance
 */
public record BrokerStatement(String brokerId, Map<ClientOrderId, OrderState> orders,
        Map<InstrumentId, Quantity> positions, Money cash) {

    /**
     * One order as the broker knows it.
     *
     * @param status the broker's status
     * @param filled quantity filled so far
     */
    public record OrderState(OrderStatus status, Quantity filled) {

        /** @throws IllegalArgumentException naming the field at fault */
        public OrderState {
            if (status == null) {
                throw new IllegalArgumentException("status: must not be null");
            }
            if (filled == null || filled.isNegative()) {
                throw new IllegalArgumentException("filled: must be zero or more, was " + filled);
            }
        }

        public static OrderState of(OrderStatus status, Quantity filled) {
            return new OrderState(status, filled);
        }
    }

    /**
     * A statement; the maps are copied.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public BrokerStatement {
        if (brokerId == null || brokerId.isBlank()) {
            throw new IllegalArgumentException("brokerId: must not be blank");
        }
        if (orders == null) {
            throw new IllegalArgumentException("orders: must not be null");
        }
        if (positions == null) {
            throw new IllegalArgumentException("positions: must not be null");
        }
        if (cash == null) {
            throw new IllegalArgumentException("cash: must not be null");
        }
        orders = Map.copyOf(orders);
        positions = Map.copyOf(positions);
    }

    public static BrokerStatement of(String brokerId, Map<ClientOrderId, OrderState> orders,
            Map<InstrumentId, Quantity> positions, Money cash) {
        return new BrokerStatement(brokerId, orders, positions, cash);
    }
}
