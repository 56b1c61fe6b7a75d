package io.amcp.backtest.metrics;

import io.amcp.api.calendar.TradingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How many equity samples make a year, the factor that annualises per-period statistics
 * (volatility, Sharpe, Sortino).
 *
 * <p>{@link #DAILY_EQUITIES} (252) is the convention for daily bars on a stock exchange. For other
 * sampling, {@link #estimate(long[], TradingCalendar)} derives the figure from the sample times and
 * the instrument's trading calendar:
 * <pre>
 *   periodsPerYear = samplesPerTradingDay x tradingDaysPerYear
 * </pre>
 * where {@code tradingDaysPerYear} is the mean number of trading days of the calendar years the
 * samples span (252 for NYSE 2013, 365 or 366 for a 24/7 crypto calendar), and
 * {@code samplesPerTradingDay} is
 * <ul>
 *   <li>for intraday samples (some exchange-local date holds more than one): the median number of
 *       samples per date that has any (390 for a full NYSE session of one-minute bars; early
 *       closes and partial first and last days do not move the median);</li>
 *   <li>otherwise (at most one sample a day): the number of intervals divided by the number of
 *       trading days they cover, {@code (n - 1) / tradingDays(first, last]}, which is 1 for daily
 *       bars and about 1/5 for weekly ones.</li>
 * </ul>
 */
public final class PeriodsPerYear {

    /** Daily bars on an exchange that trades about 252 days a year. */
    public static final double DAILY_EQUITIES = 252.0;

    private PeriodsPerYear() {
    }

    /**
     * Estimates periods per year from sample times (nanoseconds since the epoch, increasing) and the
     * calendar of the traded instrument.
     *
     * @throws IllegalArgumentException if fewer than two samples are given
     */
    public static double estimate(long[] times, TradingCalendar calendar) {
        if (times == null || times.length < 2) {
            throw new IllegalArgumentException("times: at least two samples are needed to estimate periods per year");
        }
        if (calendar == null) {
            throw new IllegalArgumentException("calendar: must not be null");
        }
        List<Integer> samplesPerDate = new ArrayList<>();
        LocalDate current = null;
        int maxPerDate = 0;
        for (long t : times) {
            LocalDate date = calendar.dateOf(t);
            if (!date.equals(current)) {
                samplesPerDate.add(0);
                current = date;
            }
            int last = samplesPerDate.size() - 1;
            samplesPerDate.set(last, samplesPerDate.get(last) + 1);
            maxPerDate = Math.max(maxPerDate, samplesPerDate.get(last));
        }
        LocalDate first = calendar.dateOf(times[0]);
        LocalDate last = calendar.dateOf(times[times.length - 1]);
        double perDay;
        if (maxPerDate > 1) {
            perDay = median(samplesPerDate);
        } else {
            long tradingDays = Math.max(1, tradingDaysBetween(calendar, first, last));
            perDay = (times.length - 1) / (double) tradingDays;
        }
        return perDay * tradingDaysPerYear(calendar, first.getYear(), last.getYear());
    }

    /** Mean number of trading days per calendar year over the years {@code fromYear..toYear}. */
    static double tradingDaysPerYear(TradingCalendar calendar, int fromYear, int toYear) {
        long days = 0;
        for (int y = fromYear; y <= toYear; y++) {
            days += tradingDaysBetween(calendar, LocalDate.of(y - 1, 12, 31), LocalDate.of(y, 12, 31));
        }
        return days / (double) (toYear - fromYear + 1);
    }

    /** Trading days {@code d} with {@code after < d <= until}. */
    private static long tradingDaysBetween(TradingCalendar calendar, LocalDate after, LocalDate until) {
        long count = 0;
        for (LocalDate d = after.plusDays(1); !d.isAfter(until); d = d.plusDays(1)) {
            if (calendar.isTradingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private static double median(List<Integer> values) {
        int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
