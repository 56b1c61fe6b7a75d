package io.amcp.data.internal;

import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.spi.Clock;
import io.amcp.data.BarBatch;
import io.amcp.data.QualityIssue;
import io.amcp.data.QualityRule;
import io.amcp.datasource.file.BarSize;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one batch against every {@link QualityRule}: quarantining rules remove rows (each becomes a
 * {@link QualityIssue} for the quarantine file), the others add findings. Sorts rows by time first.
 */
public final class Validator {

    /** Consistency constant of the MAD for normal data (Iglewicz and Hoaglin 1993): 0.6745 = Phi^-1(0.75). */
    private static final double MAD_TO_Z = 0.6745;

    private final TradingCalendar calendar;
    private final BarSize barSize;
    private final double outlierThreshold;

    /**
     * @param outlierThreshold robust z-score (0.6745 (r - median) / MAD) above which a log return is
     *                         reported as an outlier
     */
    public Validator(TradingCalendar calendar, BarSize barSize, double outlierThreshold) {
        this.calendar = calendar;
        this.barSize = barSize;
        this.outlierThreshold = outlierThreshold;
    }

    /** The rows that passed, in time order, and everything found. */
    public static final class Result {
        public long[] time;
        public long[] open;
        public long[] high;
        public long[] low;
        public long[] close;
        public long[] volume;
        public int size;
        public final List<QualityIssue> quarantined = new ArrayList<>();
        public final List<QualityIssue> findings = new ArrayList<>();
        public final Map<QualityRule, Long> counts = new EnumMap<>(QualityRule.class);
        public long missingSessions;
        public long missingBars;

        void count(QualityRule rule) {
            counts.merge(rule, 1L, Long::sum);
        }
    }

    public Result validate(BarBatch b) {
        int n = b.size();
        int[] order = timeOrder(b.time());
        Result r = new Result();
        boolean identity = order == null;
        int[] keep = null;
        int kept = 0;
        long lastTime = Long.MIN_VALUE;
        boolean any = false;
        for (int k = 0; k < n; k++) {
            int i = identity ? k : order[k];
            String field = null;
            String reason = null;
            QualityRule rule = null;
            long o = b.open()[i];
            long h = b.high()[i];
            long l = b.low()[i];
            long c = b.close()[i];
            if (o <= 0 || h <= 0 || l <= 0 || c <= 0) {
                rule = QualityRule.NON_POSITIVE_PRICE;
                field = o <= 0 ? "open" : h <= 0 ? "high" : l <= 0 ? "low" : "close";
                reason = "price must be positive";
            } else if (h < l) {
                rule = QualityRule.OHLC_INCONSISTENT;
                field = "high";
                reason = "high " + FixedPoint.format(h) + " below low " + FixedPoint.format(l);
            } else if (o > h || o < l) {
                rule = QualityRule.OHLC_INCONSISTENT;
                field = "open";
                reason = "open " + FixedPoint.format(o) + " outside [low, high]";
            } else if (c > h || c < l) {
                rule = QualityRule.OHLC_INCONSISTENT;
                field = "close";
                reason = "close " + FixedPoint.format(c) + " outside [low, high]";
            } else if (b.volume()[i] < 0) {
                rule = QualityRule.NEGATIVE_VOLUME;
                field = "volume";
                reason = "volume " + FixedPoint.format(b.volume()[i]) + " is negative";
            } else if (any && b.time()[i] == lastTime) {
                rule = QualityRule.DUPLICATE_TIMESTAMP;
                field = "time";
                reason = "same bar time as an earlier row, which is kept";
            }
            if (rule != null) {
                r.count(rule);
                r.quarantined.add(new QualityIssue(rule, b.symbol(), b.time()[i], b.origin(i), field, reason, row(b, i)));
                if (keep == null) {
                    keep = new int[n];
                    for (int j = 0; j < k; j++) {
                        keep[j] = identity ? j : order[j];
                    }
                    kept = k;
                }
                continue;
            }
            if (keep != null) {
                keep[kept] = i;
            }
            kept++;
            lastTime = b.time()[i];
            any = true;
        }
        if (keep == null && identity) {
            r.time = b.time();
            r.open = b.open();
            r.high = b.high();
            r.low = b.low();
            r.close = b.close();
            r.volume = b.volume();
            r.size = n;
        } else {
            r.size = kept;
            r.time = new long[kept];
            r.open = new long[kept];
            r.high = new long[kept];
            r.low = new long[kept];
            r.close = new long[kept];
            r.volume = new long[kept];
            for (int j = 0; j < kept; j++) {
                int i = keep != null ? keep[j] : order[j];
                r.time[j] = b.time()[i];
                r.open[j] = b.open()[i];
                r.high[j] = b.high()[i];
                r.low[j] = b.low()[i];
                r.close[j] = b.close()[i];
                r.volume[j] = b.volume()[i];
            }
        }
        checkSessions(b, r);
        checkOutliers(b, r);
        return r;
    }

    /** Null when the times are already non-decreasing, else a stable order by time. */
    private static int[] timeOrder(long[] time) {
        boolean sorted = true;
        for (int i = 1; i < time.length && sorted; i++) {
            sorted = time[i] >= time[i - 1];
        }
        if (sorted) {
            return null;
        }
        Integer[] boxed = new Integer[time.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (x, y) -> Long.compare(time[x], time[y]));
        int[] order = new int[boxed.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    private void checkSessions(BarBatch b, Result r) {
        if (r.size == 0) {
            return;
        }
        long step = barSize.duration().toNanos();
        boolean daily = barSize == BarSize.ONE_DAY;
        LocalDate day = null;
        long dayStart = 0;
        long nextDayStart = 0;
        long open = 0;
        long close = 0;
        boolean trading = false;
        int inSession = 0;
        for (int j = 0; j < r.size; j++) {
            long t = r.time[j];
            // a bar ending exactly at midnight belongs to the day it started in
            long probe = t - 1;
            if (day == null || probe >= nextDayStart || probe < dayStart) {
                LocalDate next = calendar.dateOf(probe);
                if (day != null) {
                    closeDay(b, r, day, trading, open, close, inSession, step, daily);
                    missingDays(b, r, day, next);
                }
                day = next;
                dayStart = Clock.toNanos(day.atStartOfDay(calendar.zone()).toInstant());
                nextDayStart = Clock.toNanos(day.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
                trading = calendar.isTradingDay(day);
                open = trading ? calendar.sessionOpenNanos(day) : 0;
                close = trading ? calendar.sessionCloseNanos(day) : 0;
                inSession = 0;
            }
            if (trading && t > open && t <= close) {
                inSession++;
            } else {
                r.count(QualityRule.OUTSIDE_SESSION);
                add(r, new QualityIssue(QualityRule.OUTSIDE_SESSION, b.symbol(), t, b.symbol() + " " + day, "time",
                        trading ? "bar ends outside the regular session" : day + " is not a trading day", ""));
            }
        }
        closeDay(b, r, day, trading, open, close, inSession, step, daily);
    }

    private void closeDay(BarBatch b, Result r, LocalDate day, boolean trading, long open, long close, int inSession,
            long step, boolean daily) {
        if (!trading || daily || inSession == 0) {
            return;
        }
        long expected = (close - open + step - 1) / step;
        if (inSession < expected) {
            long missing = expected - inSession;
            r.missingBars += missing;
            r.count(QualityRule.GAP);
            add(r, new QualityIssue(QualityRule.GAP, b.symbol(), close, b.symbol() + " " + day, "time",
                    missing + " of " + expected + " bars missing in the session of " + day, ""));
        }
    }

    private void missingDays(BarBatch b, Result r, LocalDate from, LocalDate to) {
        for (LocalDate d = from.plusDays(1); d.isBefore(to); d = d.plusDays(1)) {
            if (calendar.isTradingDay(d)) {
                r.missingSessions++;
                r.count(QualityRule.GAP);
                add(r, new QualityIssue(QualityRule.GAP, b.symbol(), calendar.sessionCloseNanos(d), b.symbol() + " " + d,
                        "time", "no bars on trading day " + d, ""));
            }
        }
    }

    private void checkOutliers(BarBatch b, Result r) {
        if (r.size < 3) {
            return;
        }
        double[] returns = new double[r.size - 1];
        for (int j = 1; j < r.size; j++) {
            returns[j - 1] = Math.log((double) r.close[j] / r.close[j - 1]);
        }
        double[] work = returns.clone();
        double median = median(work);
        for (int j = 0; j < work.length; j++) {
            work[j] = Math.abs(returns[j] - median);
        }
        double mad = median(work);
        if (mad == 0) {
            return;
        }
        for (int j = 0; j < returns.length; j++) {
            double z = MAD_TO_Z * (returns[j] - median) / mad;
            if (Math.abs(z) > outlierThreshold) {
                r.count(QualityRule.OUTLIER);
                add(r, new QualityIssue(QualityRule.OUTLIER, b.symbol(), r.time[j + 1], b.symbol() + " "
                        + Clock.toInstant(r.time[j + 1]), "close", String.format("log return %.6f has robust z-score %.1f",
                        returns[j], z), ""));
            }
        }
    }

    /**
     * The median of {@code values}, which it reorders: the middle element(s) found by selection
     * (Hoare's quickselect, expected linear time) rather than by sorting the whole array.
     */
    static double median(double[] values) {
        int n = values.length;
        int m = n / 2;
        select(values, m);
        if (n % 2 == 1) {
            return values[m];
        }
        double below = values[0];
        for (int i = 1; i < m; i++) {
            below = Math.max(below, values[i]);
        }
        return (below + values[m]) / 2;
    }

    /** Reorders {@code a} so that a[k] is the k-th smallest, everything before it no larger and after it no smaller. */
    private static void select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three as the pivot keeps sorted and reversed input linear
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void add(Result r, QualityIssue issue) {
        if (r.findings.size() < 1000) {
            r.findings.add(issue);
        }
    }

    private static String row(BarBatch b, int i) {
        return Clock.toInstant(b.time()[i]) + "," + FixedPoint.format(b.open()[i]) + "," + FixedPoint.format(b.high()[i])
                + "," + FixedPoint.format(b.low()[i]) + "," + FixedPoint.format(b.close()[i]) + ","
                + FixedPoint.format(b.volume()[i]);
    }
}
