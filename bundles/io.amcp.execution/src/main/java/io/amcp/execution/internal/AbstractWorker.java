package io.amcp.execution.internal;

import io.amcp.api.execution.AlgoContext;
import io.amcp.api.execution.AlgoWorker;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.TimeInForce;

/**
 * What every algorithm here shares: it begins at the parent's start time (at once when that has
 * passed) on the first kernel timer or market event at or after it, and gives up what is left
 * unfilled on the first event after the end time, so that children sent for the last interval
 * still get that interval's market data. Time comes only from the context's clock.
 */
abstract class AbstractWorker implements AlgoWorker {

    final AlgoContext context;
    final ParentOrder parent;
    final long start;
    final long end;
    private boolean begun;

    AbstractWorker(AlgoContext context) {
        this.context = context;
        this.parent = context.parent();
        this.start = Math.max(parent.startTime(), context.clock().nanos());
        this.end = parent.endTime();
    }

    /** Arms the start and deadline timers; call once the subclass is fully constructed. */
    final AbstractWorker arm() {
        context.scheduleAt(start, this::tick);
        context.scheduleAt(end + 1, this::tick);
        return this;
    }

    /** Runs whatever is due at the clock's time. */
    final void tick() {
        long now = context.clock().nanos();
        if (now < start) {
            return;
        }
        if (now > end) {
            Quantity open = parent.quantity().minus(context.filled());
            context.complete(open.isPositive() ? "end time reached with " + open + " unfilled" : "filled");
            return;
        }
        if (!begun) {
            begun = true;
            onBegin(now);
        }
        onDue(now);
    }

    boolean begun() {
        return begun;
    }

    /** Once, at the start time. */
    void onBegin(long now) {
    }

    /** At every timer and market event inside [start, end]. */
    void onDue(long now) {
    }

    /** Market data of the parent's instrument inside [start, end], after {@link #onDue}. */
    void onMarket(Bar bar, Quote quote, TradeTick trade) {
    }

    @Override
    public final void onBar(Bar bar) {
        tick();
        if (begun && context.clock().nanos() <= end) {
            onMarket(bar, null, null);
        }
    }

    @Override
    public final void onQuote(Quote quote) {
        tick();
        if (begun && context.clock().nanos() <= end) {
            onMarket(null, quote, null);
        }
    }

    @Override
    public final void onTrade(TradeTick trade) {
        tick();
        if (begun && context.clock().nanos() <= end) {
            onMarket(null, null, trade);
        }
    }

    /**
     * Sends a child for what the target (raw, cumulative) says is still missing beyond what is
     * filled or working: the catch-up when earlier children fell behind. Returns the raw quantity sent.
     */
    final long topUp(long targetRaw, long minChildRaw, long maxChildRaw) {
        long need = targetRaw - context.filled().raw() - context.working().raw();
        long unworked = context.unworked().raw();
        long child = Params.lot(parent, Math.min(need, unworked));
        if (maxChildRaw > 0) {
            child = Math.min(child, Params.lot(parent, maxChildRaw));
        }
        if (child <= 0 || (child < minChildRaw && child < unworked)) {
            return 0;
        }
        context.submitChild(Quantity.ofRaw(child), OrderType.MARKET, null, TimeInForce.GTC);
        return child;
    }
}
