package io.amcp.api.spi;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import java.util.List;

/**
 * The running kernel as seen by shell commands, the web console and the API. Thread-safe: reads
 * return consistent snapshots taken on the kernel thread; commands are posted to it.
 */
public interface TradingNode {

    /** Strategies known to the runner. */
    List<StrategyInfo> strategies();

    /** All orders, newest first. */
    List<OrderView> orders();

    /** Open (non-flat) positions. */
    List<PositionView> positions();

    AccountView account();

    KillSwitch killSwitch();

    /** Cancels an order, as a user would. */
    void cancel(ClientOrderId clientOrderId);

    /**
     * One row of the strategy table.
     *
     * @param id             strategy id
     * @param className      implementation class
     * @param state          RUNNING, PAUSED or STOPPED
     * @param eventsHandled  market events delivered so far
     * @param ordersSubmitted orders submitted so far
     */
    record StrategyInfo(StrategyId id, String className, String state, long eventsHandled, long ordersSubmitted) {
    }
}
