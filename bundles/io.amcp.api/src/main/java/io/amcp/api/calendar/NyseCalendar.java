package io.amcp.api.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * The New York Stock Exchange calendar: regular session 09:30-16:00 America/New_York, early close
 * at 13:00 on the day before Independence Day, the day after Thanksgiving and Christmas Eve (when
 * those are trading days). Holidays by NYSE rule: New Year's Day, Martin Luther King Jr. Day (from
 * 1998), Washington's Birthday, Good Friday, Memorial Day, Juneteenth (from 2022), Independence
 * Day, Labor Day, Thanksgiving and Christmas; a Saturday holiday is observed on the Friday before
 * (except New Year's Day, which then is not observed), a Sunday holiday on the Monday after. Plus
 * the unscheduled closures since 1990 (Nixon, 9/11, Reagan, Ford, Sandy, G.H.W. Bush, Carter).
 *
 * <p>The rules are those in force from 1990 to 2100 and are applied unchanged to any other year;
 * unscheduled closures before 1990 are not known to this class.
 */
public final class NyseCalendar implements TradingCalendar {

    /** The shared instance (the class is immutable apart from its thread-safe per-year cache). */
    public static final NyseCalendar INSTANCE = new NyseCalendar();

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime OPEN = LocalTime.of(9, 30);
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    private static final Set<LocalDate> SPECIAL_CLOSURES = Set.of(LocalDate.of(1994, 4, 27),
            LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13),
            LocalDate.of(2001, 9, 14), LocalDate.of(2004, 6, 11), LocalDate.of(2007, 1, 2),
            LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30), LocalDate.of(2018, 12, 5),
            LocalDate.of(2025, 1, 9));

    private static final int FIRST_CACHED_YEAR = 1900;

    /**
     * Holidays per year, computed on first use. Racing threads may both compute a year; {@link Year}
     * is immutable, so either result is safe to publish without a lock, and lookups do not box.
     */
    private final Year[] years = new Year[300];

    @Override
    public ZoneId zone() {
        return NEW_YORK;
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return !year(date.getYear()).holidays.contains(date) && !SPECIAL_CLOSURES.contains(date);
    }

    /** Whether {@code date} is a holiday or special closure on a weekday. */
    public boolean isHoliday(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isTradingDay(date);
    }

    /** Whether {@code date} is a trading day that closes at 13:00. */
    public boolean isEarlyClose(LocalDate date) {
        return isTradingDay(date) && year(date.getYear()).earlyCloses.contains(date);
    }

    @Override
    public Instant sessionOpen(LocalDate date) {
        return date.atTime(OPEN).atZone(NEW_YORK).toInstant();
    }

    @Override
    public Instant sessionClose(LocalDate date) {
        return date.atTime(isEarlyClose(date) ? EARLY_CLOSE : CLOSE).atZone(NEW_YORK).toInstant();
    }

    private Year year(int y) {
        int index = y - FIRST_CACHED_YEAR;
        if (index < 0 || index >= years.length) {
            return compute(y);
        }
        Year cached = years[index];
        if (cached == null) {
            cached = compute(y);
            years[index] = cached;
        }
        return cached;
    }

    private static Year compute(int y) {
        Set<LocalDate> h = new HashSet<>();
        LocalDate newYear = LocalDate.of(y, 1, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            h.add(newYear.plusDays(1));
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            h.add(newYear);
        }
        if (y >= 1998) {
            h.add(nth(y, Month.JANUARY, DayOfWeek.MONDAY, 3));
        }
        h.add(nth(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
        h.add(easterSunday(y).minusDays(2));
        h.add(LocalDate.of(y, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        if (y >= 2022) {
            h.add(observed(LocalDate.of(y, 6, 19)));
        }
        LocalDate independence = LocalDate.of(y, 7, 4);
        h.add(observed(independence));
        h.add(nth(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
        LocalDate thanksgiving = nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
        h.add(thanksgiving);
        h.add(observed(LocalDate.of(y, 12, 25)));

        Set<LocalDate> early = new HashSet<>();
        LocalDate july3 = LocalDate.of(y, 7, 3);
        if (isWeekday(july3) && !h.contains(july3) && independence.getDayOfWeek() != DayOfWeek.SATURDAY) {
            early.add(july3);
        }
        early.add(thanksgiving.plusDays(1));
        LocalDate christmasEve = LocalDate.of(y, 12, 24);
        if (isWeekday(christmasEve) && !h.contains(christmasEve)) {
            early.add(christmasEve);
        }
        return new Year(Set.copyOf(h), Set.copyOf(early));
    }

    private static boolean isWeekday(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int y) {
        int a = y % 19;
        int b = y / 100;
        int c = y % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(y, month, day);
    }

    private record Year(Set<LocalDate> holidays, Set<LocalDate> earlyCloses) {
    }
}
