package io.amcp.execution.internal;

import io.amcp.api.execution.AlgoContext;
import io.amcp.api.spi.TimerHandle;
import io.amcp.execution.ExecutionSchedule;

/**
 * Trades towards a planned trajectory in decision intervals: at decision time {@code t_k = start +
 * k * interval} it tops the parent up to the quantity the schedule plans for the end of that
 * interval, {@code min(t_k + interval, end)}, so that what it sends executes during the interval.
 * A decision missed (no event at its time) is made at the next event; a child that did not fill
 * (refused, expired, capped by the venue's participation) leaves the parent behind plan, and the
 * next decision sends the shortfall with the interval's own quantity (catch-up).
 */
class ScheduledWorker extends AbstractWorker {

    private final ExecutionSchedule schedule;
    private final long interval;
    private long nextDecision;
    private long timerFor = Long.MIN_VALUE;
    private TimerHandle timer;
    private double worstShortfall;

    ScheduledWorker(AlgoContext context, ExecutionSchedule schedule, long interval) {
        super(context);
        this.schedule = schedule;
        this.interval = interval;
        this.nextDecision = start;
    }

    @Override
    final void onDue(long now) {
        if (nextDecision > end || now < nextDecision) {
            return;
        }
        long decision = nextDecision;
        while (nextDecision <= now) {
            decision = nextDecision;
            nextDecision += interval;
        }
        long horizon = Math.min(decision + interval, end);
        track(now);
        topUp(Params.target(parent, schedule.plannedFraction(horizon)), 0, 0);
        if (nextDecision < end && timerFor != nextDecision) {
            if (timer != null) {
                timer.cancel();
            }
            timerFor = nextDecision;
            timer = context.scheduleAt(nextDecision, this::tick);
        }
    }

    /** Records how far the filled quantity trails the plan at {@code now}, as a fraction of the parent. */
    private void track(long now) {
        double planned = schedule.plannedFraction(now);
        double done = context.filled().toDouble() / parent.quantity().toDouble();
        worstShortfall = Math.max(worstShortfall, planned - done);
    }

    /** The largest fraction of the parent by which fills trailed the plan at a decision time. */
    double worstShortfall() {
        return worstShortfall;
    }
}
