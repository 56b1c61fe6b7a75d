package io.amcp.api.execution;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderEvent;

/**
 * One running algorithm instance. All callbacks run on the kernel thread and must not block; the
 * worker sees the market data of its parent's instrument and the events of its own child orders.
 */
public interface AlgoWorker {

    default void onBar(Bar bar) {
    }

    default void onQuote(Quote quote) {
    }

    default void onTrade(TradeTick trade) {
    }

    /** An event of one of this worker's child orders (already applied to the OMS). */
    default void onChildEvent(OrderEvent event) {
    }

    /** The parent was canceled: the kernel cancels the working children after this returns. */
    default void onCancel() {
    }
}
