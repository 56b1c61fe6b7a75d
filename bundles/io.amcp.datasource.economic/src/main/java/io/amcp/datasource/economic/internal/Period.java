package io.amcp.datasource.economic.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as providers write it, with its first and last day.
 *
 * <p>ECB ({@code TIME_PERIOD}): {@code 2024-01-02}, {@code 2024-01}, {@code 2024-Q1}, {@code 2024-S1},
 * {@code 2024-W01}, {@code 2024}. World Bank ({@code date}): {@code 2023}, {@code 2023Q1}, {@code 2023M01}.
 *
 * @param start first day
 * @param end   last day
 */
record Period(LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-?M?(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-S([12])");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * Parses a period.
     *
     * @throws IllegalArgumentException quoting the text when it is no period format known here
     */
    static Period parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            Matcher m;
            if (DAY.matcher(t).matches()) {
                LocalDate day = LocalDate.parse(t);
                return new Period(day, day);
            }
            if ((m = YEAR.matcher(t)).matches()) {
                int year = Integer.parseInt(m.group(1));
                return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            if ((m = QUARTER.matcher(t)).matches()) {
                return months(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 3);
            }
            if ((m = HALF.matcher(t)).matches()) {
                return months(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 6 + 1, 6);
            }
            if ((m = WEEK.matcher(t)).matches()) {
                LocalDate monday = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
                        .with(java.time.DayOfWeek.MONDAY);
                return new Period(monday, monday.plusDays(6));
            }
            if ((m = MONTH.matcher(t)).matches()) {
                return months(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("period: not a valid date '" + t + "'", e);
        }
        throw new IllegalArgumentException("period: unknown period format '" + t + "'");
    }

    private static Period months(int year, int firstMonth, int count) {
        YearMonth first = YearMonth.of(year, firstMonth);
        return new Period(first.atDay(1), first.plusMonths(count - 1L).atEndOfMonth());
    }
}
