package io.amcp.api.spi;

import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
     * Submits an order as {@code owner} (a strategy id, or an id such as {@code manual} or an API key's
     * account) through the same risk chain and kill switch as strategy orders. An order without a
     * client order id gets a unique one. Returns the order as the OMS holds it right after submission:
     * REJECTED with the rule's reason if a risk rule refused it, else NEW (the venue's acceptance
     * follows as an event); a client order id already used is refused without sending anything.
     */
    OrderView submit(StrategyId owner, SubmitOrder order);

    /**
     * {@link #submit} without holding the caller's thread: the stage completes with the same order view
     * (or the same exception) once the node has taken the order. It may complete on the node's own
     * thread, so a caller hands its continuation to its own executor and never blocks in it. The default
     * submits synchronously; a node with its own thread overrides it.
     */
    default CompletionStage<OrderView> submitAsync(StrategyId owner, SubmitOrder order) {
        try {
            return CompletableFuture.completedFuture(submit(owner, order));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Replaces (amends) a working order; the venue answers with OrderReplaced or a rejection. */
    void replace(ReplaceOrder replace);

    /** One order by client order id, or null if unknown. */
    OrderView order(ClientOrderId clientOrderId);

    /**
     * Hands a parent order to an execution algorithm as {@code owner}.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    ClientOrderId submitAlgo(StrategyId owner, ParentOrder parent);

    /** Cancels a parent order and its working children. */
    void cancelAlgo(ClientOrderId parent);

    /** Every parent order this node has worked, oldest first. */
    List<AlgoStatus> algos();

    /**
     * Starts a STOPPED or FAILED strategy again with its last good state.
     *
     * @throws IllegalArgumentException naming the strategy if no strategy has that id
     */
    void startStrategy(StrategyId id);

    /**
     * Stops a strategy: snapshot kept, timers cancelled, working orders handled by the configured
     * halted-strategy policy (cancel or keep); it stays listed as STOPPED.
     *
     * @throws IllegalArgumentException naming the strategy if no strategy has that id
     */
    void stopStrategy(StrategyId id);

    /**
     * Stops delivering market data to a strategy (order events still arrive).
     *
     * @throws IllegalArgumentException naming the strategy if no strategy has that id
     */
    void pauseStrategy(StrategyId id);

    /**
     * Resumes market data to a paused strategy.
     *
     * @throws IllegalArgumentException naming the strategy if no strategy has that id
     */
    void resumeStrategy(StrategyId id);

    /**
     * One row of the strategy table.
     *
     * @param id              strategy id
     * @param className       implementation class of the current instance
     * @param version         version of the bundle that holds it ("" outside OSGi)
     * @param state           RUNNING, PAUSED, SWAPPING (between two versions, events held),
     *                        FAILED or STOPPED
     * @param reason          why it is FAILED or STOPPED (null otherwise)
     * @param eventsHandled   market events delivered so far, over all versions
     * @param ordersSubmitted orders submitted so far
     * @param swaps           how many times a new version replaced the running one
     */
    record StrategyInfo(StrategyId id, String className, String version, String state, String reason,
            long eventsHandled, long ordersSubmitted, int swaps) {
    }
}
