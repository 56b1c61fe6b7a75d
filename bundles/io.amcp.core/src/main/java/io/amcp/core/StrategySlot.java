package io.amcp.core;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.MarketData;
import io.amcp.api.model.Quote;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.TimerHandle;
import io.amcp.api.spi.TradingNode.StrategyInfo;
import io.amcp.core.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;

/**
 * One running strategy inside the kernel: its context, its own position book and its state. A
 * strategy that throws is marked FAILED and gets no more events; the kernel keeps running.
 */
final class StrategySlot implements StrategyContext {

    final Strategy strategy;
    final Ledger book;
    private final Kernel kernel;
    private final StrategyId id;
    private final List<TimerHandle> timers = new ArrayList<>();
    boolean paused;
    private String failure;
    private boolean stopped;
    private long eventsHandled;
    private long ordersSubmitted;
    private long nextOrderNumber = 1;

    StrategySlot(Kernel kernel, Strategy strategy, Ledger book) {
        this.kernel = kernel;
        this.strategy = strategy;
        this.book = book;
        this.id = strategy.id();
    }

    void start() {
        try {
            strategy.onStart(this);
        } catch (RuntimeException e) {
            fail("onStart", e);
        }
    }

    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        timers.forEach(TimerHandle::cancel);
        try {
            strategy.onStop();
        } catch (RuntimeException e) {
            kernel.reportError("strategy " + id + " onStop failed: " + e, e);
        }
    }

    void onMarketData(MarketData event) {
        if (paused || failure != null || stopped) {
            return;
        }
        eventsHandled++;
        try {
            if (event instanceof Bar bar) {
                strategy.onBar(bar);
            } else if (event instanceof Quote quote) {
                strategy.onQuote(quote);
            } else if (event instanceof TradeTick trade) {
                strategy.onTrade(trade);
            }
        } catch (RuntimeException e) {
            fail("market data", e);
        }
    }

    void deliver(OrderEvent event) {
        if (failure != null || stopped) {
            return;
        }
        try {
            strategy.onOrderEvent(event);
        } catch (RuntimeException e) {
            fail("onOrderEvent", e);
        }
    }

    private void fail(String where, RuntimeException e) {
        failure = where + ": " + e;
        kernel.reportError("strategy " + id + " failed in " + failure + "; it receives no more events", e);
    }

    StrategyInfo info() {
        String state = failure != null ? "FAILED" : stopped ? "STOPPED" : paused ? "PAUSED" : "RUNNING";
        return new StrategyInfo(id, strategy.getClass().getName(), state, eventsHandled, ordersSubmitted);
    }

    // ---------------------------------------------------------------- StrategyContext

    @Override
    public StrategyId strategyId() {
        return id;
    }

    @Override
    public Clock clock() {
        return kernel.clock();
    }

    @Override
    public void subscribe(InstrumentId instrument) {
        kernel.subscribe(instrument, this);
    }

    @Override
    public ClientOrderId submit(SubmitOrder order) {
        SubmitOrder withId = order.clientOrderId() != null ? order : order.withClientOrderId(nextClientOrderId());
        ordersSubmitted++;
        return kernel.submit(id, withId, this);
    }

    private ClientOrderId nextClientOrderId() {
        ClientOrderId candidate;
        do {
            candidate = ClientOrderId.of(id.value() + "-" + nextOrderNumber++);
        } while (kernel.hasOrder(candidate));
        return candidate;
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        kernel.cancelOrder(clientOrderId);
    }

    @Override
    public void replace(ReplaceOrder replace) {
        kernel.replaceOrder(replace);
    }

    @Override
    public PositionView position(InstrumentId instrument) {
        return book.position(instrument, kernel.ledger().lastPriceRaw(instrument));
    }

    @Override
    public AccountView account() {
        return kernel.ledger().account();
    }

    @Override
    public List<OrderView> openOrders() {
        return kernel.orderManager().open(id);
    }

    @Override
    public TimerHandle scheduleAt(long timeNanos, Runnable task) {
        TimerHandle handle = kernel.schedule(timeNanos, () -> {
            if (!stopped && failure == null) {
                task.run();
            }
        });
        timers.add(handle);
        return handle;
    }
}
