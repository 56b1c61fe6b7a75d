package io.amcp.ops.internal.daily;

import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.spi.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daily jobs in exchange time. Each {@link #tick()} reads the {@link Clock}, and runs
 * every job that has come due on a trading day since the previous tick and has not run for that
 * day yet, in time order; days without a session (weekends, holidays) run nothing. The first tick
 * starts from the current exchange date, so days before the platform started are not caught up;
 * a node started after today's open skips today's pre-market check but still reconciles and reports.
 * A live component calls {@link #tick()} every few seconds; a test advances a simulated clock
 * and ticks. Not thread-safe: tick from one thread.
 */
public final class DailyScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(DailyScheduler.class);

    private final Clock clock;
    private final TradingCalendar calendar;
    private final DailySchedule schedule;
    private final Map<DailyJob, BiFunction<LocalDate, Instant, JobResult>> jobs;
    private final Map<DailyJob, LocalDate> lastRun = new EnumMap<>(DailyJob.class);
    private final List<JobResult> history = new ArrayList<>();
    private LocalDate cursor;

    /**
     * @param jobs what each job does: given the trading date and the time it runs, its result
     */
    public DailyScheduler(Clock clock, TradingCalendar calendar, DailySchedule schedule,
            Map<DailyJob, BiFunction<LocalDate, Instant, JobResult>> jobs) {
        this.clock = clock;
        this.calendar = calendar;
        this.schedule = schedule;
        this.jobs = new EnumMap<>(jobs);
    }

    /** Runs what has come due; returns the results of the jobs run by this tick. */
    public List<JobResult> tick() {
        Instant now = clock.instant();
        LocalDate today = calendar.dateOf(clock.nanos());
        if (cursor == null) {
            cursor = today;
            if (calendar.isTradingDay(today) && !calendar.sessionOpen(today).isAfter(now)) {
                lastRun.put(DailyJob.PRE_MARKET_CHECK, today);
            }
        }
        List<JobResult> ran = new ArrayList<>();
        for (LocalDate date = cursor; !date.isAfter(today); date = date.plusDays(1)) {
            if (!calendar.isTradingDay(date)) {
                continue;
            }
            for (DailyJob job : DailyJob.values()) {
                BiFunction<LocalDate, Instant, JobResult> action = jobs.get(job);
                if (action == null || date.equals(lastRun.get(job))) {
                    continue;
                }
                Instant due = schedule.due(job, date, calendar);
                if (due.isAfter(now)) {
                    continue;
                }
                lastRun.put(job, date);
                JobResult result;
                try {
                    result = action.apply(date, now);
                } catch (RuntimeException e) {
                    LOG.warn("daily job {} for {} failed", job, date, e);
                    result = new JobResult(job, date, now, false, List.of("failed: " + e));
                }
                ran.add(result);
                history.add(result);
            }
        }
        cursor = today;
        return ran;
    }

    /** Every result so far, oldest first. */
    public List<JobResult> history() {
        return List.copyOf(history);
    }
}
