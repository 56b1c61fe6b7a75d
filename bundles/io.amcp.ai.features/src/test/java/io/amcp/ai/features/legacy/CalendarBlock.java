package io.amcp.ai.features.legacy;

import io.amcp.ai.features.FeatureFamily;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Calendar encodings of the bar's end time in a time zone. The zone offset is cached until the next
 * offset transition and the civil date until the day changes, so a bar costs a few integer operations
 * and table look-ups; nothing is allocated between transitions.
 */
final class CalendarBlock extends FeatureBlock {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int MINUTES_PER_DAY = 1440;
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final double[] MINUTE_SIN = new double[MINUTES_PER_DAY];
    private static final double[] MINUTE_COS = new double[MINUTES_PER_DAY];

    static {
        for (int m = 0; m < MINUTES_PER_DAY; m++) {
            MINUTE_SIN[m] = Math.sin(2.0 * Math.PI * m / MINUTES_PER_DAY);
            MINUTE_COS[m] = Math.cos(2.0 * Math.PI * m / MINUTES_PER_DAY);
        }
    }

    private final ZoneRules rules;
    private long offsetValidFrom = Long.MAX_VALUE;
    private long offsetValidUntil = Long.MIN_VALUE;
    private long offsetSeconds;
    private long cachedDay = Long.MIN_VALUE;
    private double dowSin;
    private double dowCos;
    private double monthSin;
    private double monthCos;
    private double doySin;
    private double doyCos;
    private double daysToMonthEnd;

    CalendarBlock(ZoneId zone) {
        this.rules = zone.getRules();
        FeatureFamily f = FeatureFamily.CALENDAR;
        declare("dow_sin", f, "sin(2 pi d / 7), d = day of week, Monday = 0", 1);
        declare("dow_cos", f, "cos(2 pi d / 7), d = day of week, Monday = 0", 1);
        declare("month_sin", f, "sin(2 pi (m - 1) / 12), m = month 1..12", 1);
        declare("month_cos", f, "cos(2 pi (m - 1) / 12), m = month 1..12", 1);
        declare("minute_sin", f, "sin(2 pi u / 1440), u = minute of day 0..1439", 1);
        declare("minute_cos", f, "cos(2 pi u / 1440), u = minute of day 0..1439", 1);
        declare("doy_sin", f, "sin(2 pi (y - 1) / Y), y = day of year, Y = days in the year", 1);
        declare("doy_cos", f, "cos(2 pi (y - 1) / Y), y = day of year, Y = days in the year", 1);
        declare("days_to_month_end", f, "calendar days from the bar's date to the last day of its month (0 on it)", 1);
    }

    @Override
    void update(BarState bar, double[] row) {
        long epochSecond = Math.floorDiv(bar.time, NANOS_PER_SECOND);
        if (epochSecond < offsetValidFrom || epochSecond >= offsetValidUntil) {
            refreshOffset(epochSecond);
        }
        long local = epochSecond + offsetSeconds;
        long day = Math.floorDiv(local, 86_400L);
        if (day != cachedDay) {
            refreshDay(day);
        }
        int minute = (int) (Math.floorMod(local, 86_400L) / 60);
        int j = offset;
        row[j] = dowSin;
        row[j + 1] = dowCos;
        row[j + 2] = monthSin;
        row[j + 3] = monthCos;
        row[j + 4] = MINUTE_SIN[minute];
        row[j + 5] = MINUTE_COS[minute];
        row[j + 6] = doySin;
        row[j + 7] = doyCos;
        row[j + 8] = daysToMonthEnd;
    }

    private void refreshOffset(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        offsetSeconds = rules.getOffset(instant).getTotalSeconds();
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        offsetValidFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        offsetValidUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }

    /** Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse), then the encodings. */
    private void refreshDay(long day) {
        cachedDay = day;
        long z = day + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYearMarch = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthPrime = (5 * dayOfYearMarch + 2) / 153;
        int dayOfMonth = (int) (dayOfYearMarch - (153 * monthPrime + 2) / 5 + 1);
        int month = (int) (monthPrime < 10 ? monthPrime + 3 : monthPrime - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        int dayOfYear = dayOfMonth;
        for (int m = 1; m < month; m++) {
            dayOfYear += m == 2 && leap ? 29 : MONTH_DAYS[m - 1];
        }
        int monthLength = month == 2 && leap ? 29 : MONTH_DAYS[month - 1];
        int dayOfWeek = (int) Math.floorMod(day + 3, 7L);
        dowSin = Math.sin(2.0 * Math.PI * dayOfWeek / 7.0);
        dowCos = Math.cos(2.0 * Math.PI * dayOfWeek / 7.0);
        monthSin = Math.sin(2.0 * Math.PI * (month - 1) / 12.0);
        monthCos = Math.cos(2.0 * Math.PI * (month - 1) / 12.0);
        double yearLength = leap ? 366.0 : 365.0;
        doySin = Math.sin(2.0 * Math.PI * (dayOfYear - 1) / yearLength);
        doyCos = Math.cos(2.0 * Math.PI * (dayOfYear - 1) / yearLength);
        daysToMonthEnd = monthLength - dayOfMonth;
    }

    @Override
    void reset() {
        cachedDay = Long.MIN_VALUE;
        offsetValidFrom = Long.MAX_VALUE;
        offsetValidUntil = Long.MIN_VALUE;
    }
}
