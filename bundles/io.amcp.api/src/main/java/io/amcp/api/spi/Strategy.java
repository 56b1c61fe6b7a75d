package io.amcp.api.spi;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Quote;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderEvent;

/**
 * A trading strategy, registered as an OSGi service. The strategy runner starts it when the
 * service appears and stops it when it goes. Every callback runs on the kernel thread, one at a
 * time: no locks are needed and no callback may block. The same instance runs unchanged in
 * backtest, paper and live trading.
 *
 * <p>Hot swap: the runner calls {@link #snapshot()} on the old instance and {@link #restore} on the
 * new one between two events, before the new one's {@link #onStart}.
 */
public interface Strategy {

    StrategyId id();

    /** Called once before any event; subscribe to instruments here. */
    default void onStart(StrategyContext context) {
    }

    /** A bar closed for a subscribed instrument. */
    default void onBar(Bar bar) {
    }

    default void onQuote(Quote quote) {
    }

    default void onTrade(TradeTick trade) {
    }

    /** Something happened to one of this strategy's orders. */
    default void onOrderEvent(OrderEvent event) {
    }

    /** Called once after the last event; cancel timers here if needed. */
    default void onStop() {
    }

    /** State to carry into a new version of this strategy. */
    default StrategyState snapshot() {
        return StrategyState.EMPTY;
    }

    /** Receives the previous version's {@link #snapshot()}; called before {@link #onStart}. */
    default void restore(StrategyState state) {
    }
}
