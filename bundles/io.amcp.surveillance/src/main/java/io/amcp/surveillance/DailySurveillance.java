package io.amcp.surveillance;

import io.amcp.api.order.OrderView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Surveillance on a schedule in exchange time, driven by {@link #tick(long)} (the DS component calls
 * it from its own scheduler thread with the platform clock's time; tests call it with a simulated one).
 *
 * <ul>
 * <li>Every {@link Schedule#scanInterval()} the detectors of {@link TradeSurveillance} run over the
 *     exchange day's activity so far (orders created or last updated on that day in
 *     {@link Schedule#zone()}); each finding is passed to the alert sink once per day.</li>
 * <li>At {@link Schedule#reportTime()} (or on the first tick after it, or on the first tick of a later
 *     day when the node was down then) the day is closed: a last scan, then
 *     {@code surveillance-<day>.md} ({@link SurveillanceReport}), {@code trades-<account>-<day>.csv} and
 *     {@code .json} ({@link RegulatoryTradeReport}) are written to the report directory, and the
 *     retention policy is applied.</li>
 * <li>On the first tick of the next day, a day that saw activity after it was closed (crypto trades
 *     around the clock, late fills) is scanned and closed again: its files are rewritten complete.</li>
 * </ul>
 */
public final class DailySurveillance {

    /**
     * When surveillance runs.
     *
     * @param zone         the exchange's time zone, e.g. America/New_York
     * @param reportTime   exchange-local time at which the day's reports are written, e.g. 16:30
     * @param scanInterval how often the day's activity is scanned for new alerts
     */
    public record Schedule(ZoneId zone, LocalTime reportTime, Duration scanInterval) {

        public Schedule {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(reportTime, "reportTime");
            if (scanInterval == null || scanInterval.isNegative() || scanInterval.isZero()) {
                throw new IllegalArgumentException("scanIntervalMinutes: must be positive, was " + scanInterval);
            }
        }
    }

    /**
     * What one tick did.
     *
     * @param alerts  findings raised for the first time
     * @param closed  the report files written per day closed, oldest day first (empty on most ticks)
     * @param expired files the retention policy removed or archived
     */
    public record Tick(List<Alert> alerts, Map<LocalDate, List<Path>> closed, List<Path> expired) {

        public Tick {
            alerts = List.copyOf(alerts);
            closed = Collections.unmodifiableMap(new TreeMap<>(closed));
            expired = List.copyOf(expired);
        }
    }

    private final Supplier<List<OrderView>> orders;
    private final TradeSurveillance surveillance;
    private final Schedule schedule;
    private final String account;
    private final Path reports;
    private final RecordRetention retention;
    private final Consumer<Alert> alertSink;
    private LocalDate day;
    private final Set<String> raised = new HashSet<>();
    private long nextScan = Long.MIN_VALUE;
    private LocalDate closed;
    /** What the closed day's activity looked like when it was closed (order count, latest update). */
    private long[] closedActivity;

    /**
     * @param orders    the node's orders ({@code TradingNode::orders})
     * @param settings  detector thresholds
     * @param schedule  when to scan and report
     * @param account   account token for the trade report
     * @param reports   directory the reports go to (created when missing)
     * @param retention retention policy over {@code reports}, or null to keep everything
     * @param alertSink told about each new alert
     */
    public DailySurveillance(Supplier<List<OrderView>> orders, SurveillanceSettings settings, Schedule schedule,
            String account, Path reports, RecordRetention retention, Consumer<Alert> alertSink) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.surveillance = new TradeSurveillance(settings);
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        if (account == null || !account.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("account: must be a token of letters, digits, '.', '_' or '-', was '" + account + "'");
        }
        this.account = account;
        this.reports = Objects.requireNonNull(reports, "reportDirectory");
        this.retention = retention;
        this.alertSink = Objects.requireNonNull(alertSink, "alertSink");
    }

    /** Runs whatever is due at {@code nowNanos} (nanoseconds since the epoch). */
    public synchronized Tick tick(long nowNanos) {
        ZonedDateTime now = Instant.ofEpochSecond(Math.floorDiv(nowNanos, 1_000_000_000L), Math.floorMod(nowNanos, 1_000_000_000L))
                .atZone(schedule.zone());
        LocalDate today = now.toLocalDate();
        List<Alert> alerts = new ArrayList<>();
        Map<LocalDate, List<Path>> written = new TreeMap<>();
        List<Path> expired = new ArrayList<>();
        if (day != null && today.isAfter(day) && (!day.equals(closed) || changedSinceClosed())) {
            written.put(day, close(day, alerts)); // the node missed that day's report time, or the day went on
        }
        if (!today.equals(day)) {
            day = today;
            raised.clear();
            nextScan = Long.MIN_VALUE;
        }
        boolean reportDue = !now.toLocalTime().isBefore(schedule.reportTime()) && !today.equals(closed);
        if (reportDue) {
            written.put(today, close(today, alerts));
        } else if (nowNanos >= nextScan && !today.equals(closed)) {
            scan(today, activity(today), alerts);
            nextScan = nowNanos + schedule.scanInterval().toNanos();
        }
        if (!written.isEmpty() && retention != null) {
            expired.addAll(retention.enforce());
        }
        return new Tick(alerts, written, expired);
    }

    private List<Path> close(LocalDate d, List<Alert> alerts) {
        List<OrderView> activity = activity(d);
        List<Alert> all = scan(d, activity, alerts);
        closed = d;
        closedActivity = fingerprint(activity);
        return List.of(write("surveillance-" + d + ".md", SurveillanceReport.markdown(d, activity, all)),
                write("trades-" + account + "-" + d + ".csv", RegulatoryTradeReport.csv(account, d, schedule.zone(), activity)),
                write("trades-" + account + "-" + d + ".json", RegulatoryTradeReport.json(account, d, schedule.zone(), activity)));
    }

    /** Runs the detectors; passes on the findings not raised before on this day; returns all findings. */
    private List<Alert> scan(LocalDate d, List<OrderView> activity, List<Alert> fresh) {
        List<Alert> all = surveillance.analyse(activity);
        for (Alert a : all) {
            String key = a.type() + "|" + a.strategy() + "|" + a.instrument() + "|" + a.orders();
            if (raised.add(key)) {
                fresh.add(a);
                alertSink.accept(a);
            }
        }
        return all;
    }

    private boolean changedSinceClosed() {
        return !java.util.Arrays.equals(closedActivity, fingerprint(activity(closed)));
    }

    private static long[] fingerprint(List<OrderView> activity) {
        long latest = Long.MIN_VALUE;
        for (OrderView o : activity) {
            latest = Math.max(latest, o.updatedTime());
        }
        return new long[] {activity.size(), latest};
    }

    private List<OrderView> activity(LocalDate d) {
        List<OrderView> out = new ArrayList<>();
        for (OrderView o : orders.get()) {
            if (localDate(o.createdTime()).equals(d) || localDate(o.updatedTime()).equals(d)) {
                out.add(o);
            }
        }
        return out;
    }

    private LocalDate localDate(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
                .atZone(schedule.zone()).toLocalDate();
    }

    private Path write(String name, String content) {
        try {
            Files.createDirectories(reports);
            Path target = reports.resolve(name);
            Path tmp = reports.resolve(name + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write surveillance report " + name + " in " + reports + ": " + e.getMessage(), e);
        }
    }
}
