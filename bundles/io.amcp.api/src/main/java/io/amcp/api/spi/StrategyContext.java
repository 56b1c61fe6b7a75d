package io.amcp.api.spi;

import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import java.util.List;

/** What a strategy can do and see. Use only on the kernel thread (inside callbacks). */
public interface StrategyContext {

    StrategyId strategyId();

    Clock clock();

    /** Receive bars, quotes and trades of {@code instrument} from now on. */
    void subscribe(InstrumentId instrument);

    /**
     * Submits an order through the risk chain. Returns its client order id (assigned when the order
     * has none). The outcome arrives as order events: denied by risk, accepted, filled, ...
     */
    ClientOrderId submit(SubmitOrder order);

    void cancel(ClientOrderId clientOrderId);

    void replace(ReplaceOrder replace);

    /** This strategy's position in {@code instrument} (flat if none). */
    PositionView position(InstrumentId instrument);

    AccountView account();

    /** This strategy's orders that can still fill. */
    List<OrderView> openOrders();

    /** Runs {@code task} on the kernel thread at clock time {@code timeNanos}. */
    TimerHandle scheduleAt(long timeNanos, Runnable task);

    /**
     * Hands a parent order to the execution algorithm it names ({@link io.amcp.api.execution}); the
     * children are this strategy's orders, pass the risk chain one by one, and their events reach
     * {@link Strategy#onOrderEvent}.
     *
     * @return the parent's id
     * @throws IllegalArgumentException naming the field (unknown algorithm, bad parameter, id in use)
     */
    default ClientOrderId submitAlgo(ParentOrder parent) {
        throw new UnsupportedOperationException("execution algorithms are not available in this host");
    }

    /** Cancels a parent order: the algorithm stops and its working children are canceled. */
    default void cancelAlgo(ClientOrderId parent) {
        throw new UnsupportedOperationException("execution algorithms are not available in this host");
    }

    /** A parent order's progress, or null if unknown. */
    default AlgoStatus algoStatus(ClientOrderId parent) {
        return null;
    }
}
