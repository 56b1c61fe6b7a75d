package io.amcp.api.execution;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.TimerHandle;

/** What a running algorithm may do: child orders through the risk chain, timers on the kernel clock. */
public interface AlgoContext {

    ParentOrder parent();

    Clock clock();

    /**
     * Sends a child order of {@code quantity} (never more than the parent's unworked quantity) as the
     * parent's owner; a limit price beyond the parent's limit is clamped to it.
     *
     * @return the child's client order id
     */
    ClientOrderId submitChild(Quantity quantity, OrderType type, Price limitPrice, TimeInForce timeInForce);

    void cancelChild(ClientOrderId child);

    /** Quantity filled over all children. */
    Quantity filled();

    /** Quantity of children still working (sent, not filled, not final). */
    Quantity working();

    /** Parent quantity neither filled nor working. */
    Quantity unworked();

    TimerHandle scheduleAt(long timeNanos, Runnable task);

    /** Ends the parent (filled, expired or given up) with a reason; working children are canceled. */
    void complete(String reason);
}
