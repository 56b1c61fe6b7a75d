package io.amcp.execution.internal;

import io.amcp.api.execution.AlgoContext;
import io.amcp.api.execution.AlgoWorker;
import io.amcp.api.execution.ExecutionAlgorithm;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.TimerHandle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** A hand-driven algorithm host: a manual clock, timers, children that fill only when told. */
final class FakeAlgoContext implements AlgoContext {

    /** One child as sent. */
    static final class Child {
        final ClientOrderId id;
        final Quantity quantity;
        final OrderType type;
        final Price limit;
        final long time;
        Quantity filled = Quantity.ZERO;
        boolean done;

        Child(ClientOrderId id, Quantity quantity, OrderType type, Price limit, long time) {
            this.id = id;
            this.quantity = quantity;
            this.type = type;
            this.limit = limit;
            this.time = time;
        }
    }

    private record Timer(long time, long seq, Runnable task, boolean[] canceled) {
    }

    private final ParentOrder parent;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparingLong(Timer::time).thenComparingLong(Timer::seq));
    final List<Child> children = new ArrayList<>();
    private long now;
    private long seq;
    private AlgoWorker worker;
    private boolean autoFill;
    String completed;

    FakeAlgoContext(ParentOrder parent, long now) {
        this.parent = parent;
        this.now = now;
    }

    FakeAlgoContext start(ExecutionAlgorithm algorithm) {
        worker = algorithm.start(parent, this);
        return this;
    }

    /** Children fill completely as soon as they are sent (at price 100). */
    FakeAlgoContext autoFill() {
        autoFill = true;
        return this;
    }

    /** Fires due timers in time order (the clock shows each timer's time), then sets the clock to {@code t}. */
    void advanceTo(long t) {
        Timer next;
        while ((next = timers.peek()) != null && next.time <= t) {
            timers.poll();
            if (!next.canceled[0] && completed == null) {
                now = Math.max(now, next.time);
                next.task.run();
            }
        }
        now = Math.max(now, t);
    }

    void bar(Bar bar) {
        advanceTo(bar.time());
        worker.onBar(bar);
    }

    void quote(Quote quote) {
        advanceTo(quote.time());
        worker.onQuote(quote);
    }

    void fill(Child child, Quantity quantity, Price price) {
        child.filled = child.filled.plus(quantity);
        child.done = child.filled.equals(child.quantity);
        worker.onChildEvent(new OrderFilled(child.id, child.id + "-f", parent.instrument(), parent.side(), quantity,
                price, Money.ZERO, now));
        if (filled().equals(parent.quantity())) {
            complete("filled");
        }
    }

    /** The venue canceled (or expired) a child on its own. */
    void venueCancel(Child child) {
        child.done = true;
        worker.onChildEvent(new OrderCanceled(child.id, "expired", now));
    }

    List<Long> childQuantities() {
        return children.stream().map(c -> c.quantity.raw() / 100_000_000L).toList();
    }

    @Override
    public ParentOrder parent() {
        return parent;
    }

    @Override
    public Clock clock() {
        return () -> now;
    }

    @Override
    public ClientOrderId submitChild(Quantity quantity, OrderType type, Price limitPrice, TimeInForce timeInForce) {
        if (!quantity.isPositive() || quantity.compareTo(unworked()) > 0) {
            throw new IllegalArgumentException("qty: child must be in (0, " + unworked() + "], was " + quantity);
        }
        Price limit = limitPrice;
        Price cap = parent.limitPrice();
        if (cap != null && (limit == null || (parent.side() == Side.BUY ? limit.compareTo(cap) > 0 : limit.compareTo(cap) < 0))) {
            type = type == OrderType.MARKET ? OrderType.LIMIT : type;
            limit = cap;
        }
        Child c = new Child(ClientOrderId.of(parent.id().value() + "-c" + (children.size() + 1)), quantity, type, limit, now);
        children.add(c);
        if (autoFill) {
            fill(c, quantity, Price.of("100"));
        }
        return c.id;
    }

    @Override
    public void cancelChild(ClientOrderId child) {
        for (Child c : List.copyOf(children)) {
            if (c.id.equals(child) && !c.done) {
                venueCancel(c);
            }
        }
    }

    @Override
    public Quantity filled() {
        Quantity sum = Quantity.ZERO;
        for (Child c : children) {
            sum = sum.plus(c.filled);
        }
        return sum;
    }

    @Override
    public Quantity working() {
        Quantity sum = Quantity.ZERO;
        for (Child c : children) {
            if (!c.done) {
                sum = sum.plus(c.quantity.minus(c.filled));
            }
        }
        return sum;
    }

    @Override
    public Quantity unworked() {
        return parent.quantity().minus(filled()).minus(working());
    }

    @Override
    public TimerHandle scheduleAt(long timeNanos, Runnable task) {
        boolean[] canceled = {false};
        timers.add(new Timer(timeNanos, seq++, task, canceled));
        return () -> canceled[0] = true;
    }

    @Override
    public void complete(String reason) {
        if (completed == null) {
            completed = reason;
            children.forEach(c -> c.done = true);
        }
    }
}
