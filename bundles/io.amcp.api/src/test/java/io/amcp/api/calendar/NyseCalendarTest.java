package io.amcp.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.spi.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected dates come from the holiday and early-close schedules NYSE publishes (nyse.com, "Holidays
 * and Trading Hours") and, for the yearly day counts, from the number of daily bars of SPY per year.
 */
class NyseCalendarTest {

    private final NyseCalendar nyse = NyseCalendar.INSTANCE;

    private List<LocalDate> holidays(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (nyse.isHoliday(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private List<LocalDate> earlyCloses(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (nyse.isEarlyClose(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private int tradingDays(int year) {
        int days = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            days += nyse.isTradingDay(d) ? 1 : 0;
        }
        return days;
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant ny(String localDateTime) {
        return ZonedDateTime.parse(localDateTime + "[America/New_York]").toInstant();
    }

    @Test
    void holidaysOf2013AsPublishedByNyse() {
        assertThat(holidays(2013)).containsExactly(d("2013-01-01"), d("2013-01-21"), d("2013-02-18"),
                d("2013-03-29"), d("2013-05-27"), d("2013-07-04"), d("2013-09-02"), d("2013-11-28"),
                d("2013-12-25"));
        assertThat(earlyCloses(2013)).containsExactly(d("2013-07-03"), d("2013-11-29"), d("2013-12-24"));
    }

    @Test
    void holidaysOf2024To2026AsPublishedByNyse() {
        assertThat(holidays(2024)).containsExactly(d("2024-01-01"), d("2024-01-15"), d("2024-02-19"),
                d("2024-03-29"), d("2024-05-27"), d("2024-06-19"), d("2024-07-04"), d("2024-09-02"),
                d("2024-11-28"), d("2024-12-25"));
        // 2025 includes the national day of mourning for President Carter on January 9
        assertThat(holidays(2025)).containsExactly(d("2025-01-01"), d("2025-01-09"), d("2025-01-20"),
                d("2025-02-17"), d("2025-04-18"), d("2025-05-26"), d("2025-06-19"), d("2025-07-04"),
                d("2025-09-01"), d("2025-11-27"), d("2025-12-25"));
        // July 4 2026 is a Saturday: observed Friday July 3, and Thursday July 2 is a full day
        assertThat(holidays(2026)).containsExactly(d("2026-01-01"), d("2026-01-19"), d("2026-02-16"),
                d("2026-04-03"), d("2026-05-25"), d("2026-06-19"), d("2026-07-03"), d("2026-09-07"),
                d("2026-11-26"), d("2026-12-25"));
        assertThat(earlyCloses(2026)).containsExactly(d("2026-11-27"), d("2026-12-24"));
        assertThat(earlyCloses(2024)).containsExactly(d("2024-07-03"), d("2024-11-29"), d("2024-12-24"));
    }

    @Test
    void observanceRules() {
        // Juneteenth 2022 fell on a Sunday: observed Monday June 20; no Juneteenth before 2022
        assertThat(nyse.isTradingDay(d("2022-06-20"))).isFalse();
        assertThat(nyse.isTradingDay(d("2021-06-18"))).isTrue();
        // New Year 2022 fell on a Saturday: NYSE does not close on Friday Dec 31 2021
        assertThat(nyse.isTradingDay(d("2021-12-31"))).isTrue();
        // New Year 2023 fell on a Sunday: observed Monday Jan 2
        assertThat(nyse.isTradingDay(d("2023-01-02"))).isFalse();
        // Christmas 2021 fell on a Saturday: observed Friday Dec 24, which then is no early close
        assertThat(nyse.isTradingDay(d("2021-12-24"))).isFalse();
        assertThat(nyse.isEarlyClose(d("2021-12-23"))).isFalse();
        // Independence Day 2021 fell on a Sunday: observed Monday July 5; Friday July 2 full day
        assertThat(nyse.isTradingDay(d("2021-07-05"))).isFalse();
        assertThat(nyse.isEarlyClose(d("2021-07-02"))).isFalse();
        // Martin Luther King Jr. Day only from 1998
        assertThat(nyse.isTradingDay(d("1997-01-20"))).isTrue();
        assertThat(nyse.isTradingDay(d("1998-01-19"))).isFalse();
    }

    @Test
    void specialClosures() {
        assertThat(nyse.isTradingDay(d("1994-04-27"))).isFalse();
        for (String day : List.of("2001-09-11", "2001-09-12", "2001-09-13", "2001-09-14")) {
            assertThat(nyse.isTradingDay(d(day))).as(day).isFalse();
        }
        assertThat(nyse.isTradingDay(d("2001-09-17"))).isTrue();
        assertThat(nyse.isTradingDay(d("2004-06-11"))).isFalse();
        assertThat(nyse.isTradingDay(d("2007-01-02"))).isFalse();
        assertThat(nyse.isTradingDay(d("2012-10-29"))).isFalse();
        assertThat(nyse.isTradingDay(d("2012-10-30"))).isFalse();
        assertThat(nyse.isTradingDay(d("2018-12-05"))).isFalse();
        assertThat(nyse.isTradingDay(d("2025-01-09"))).isFalse();
    }

    @Test
    void tradingDaysPerYearMatchTheNumberOfDailyBars() {
        assertThat(tradingDays(2012)).isEqualTo(250);
        assertThat(tradingDays(2013)).isEqualTo(252);
        assertThat(tradingDays(2018)).isEqualTo(251);
        assertThat(tradingDays(2022)).isEqualTo(251);
        assertThat(tradingDays(2023)).isEqualTo(250);
        assertThat(tradingDays(2024)).isEqualTo(252);
    }

    @Test
    void sessionTimesFollowNewYorkDaylightSaving() {
        // EST (UTC-5) in January, EDT (UTC-4) in July
        assertThat(nyse.sessionOpen(d("2013-01-02"))).isEqualTo(Instant.parse("2013-01-02T14:30:00Z"));
        assertThat(nyse.sessionClose(d("2013-07-05"))).isEqualTo(Instant.parse("2013-07-05T20:00:00Z"));
        assertThat(nyse.sessionClose(d("2013-11-29"))).isEqualTo(Instant.parse("2013-11-29T18:00:00Z"));
        assertThat(nyse.sessionCloseNanos(d("2013-11-29"))).isEqualTo(1_385_748_000_000_000_000L);
    }

    @Test
    void isOpenIncludesOpenAndCloseAndNothingOnHolidays() {
        assertThat(nyse.isOpen(Clock.toNanos(ny("2013-01-02T09:29:59-05:00")))).isFalse();
        assertThat(nyse.isOpen(Clock.toNanos(ny("2013-01-02T09:30-05:00")))).isTrue();
        assertThat(nyse.isOpen(Clock.toNanos(ny("2013-01-02T16:00-05:00")))).isTrue();
        assertThat(nyse.isOpen(Clock.toNanos(ny("2013-01-02T16:00:01-05:00")))).isFalse();
        assertThat(nyse.isOpen(Clock.toNanos(ny("2013-11-29T13:30-05:00")))).isFalse();
        assertThat(nyse.isOpen(Clock.toNanos(ny("2013-03-29T11:00-04:00")))).isFalse();
    }

    @Test
    void nextSessionOpenSkipsWeekendsAndHolidays() {
        // Thursday 2013-03-28 after the close -> Good Friday, weekend -> Monday April 1 09:30 EDT
        long thursdayEvening = Clock.toNanos(ny("2013-03-28T17:00-04:00"));
        assertThat(nyse.nextSessionOpen(thursdayEvening)).isEqualTo(Clock.toNanos(ny("2013-04-01T09:30-04:00")));
        // before the open the same day's open is next; at the open itself the next day's
        assertThat(nyse.nextSessionOpen(ny("2013-04-02T08:00-04:00"))).isEqualTo(ny("2013-04-02T09:30-04:00"));
        assertThat(nyse.nextSessionOpen(ny("2013-04-02T09:30-04:00"))).isEqualTo(ny("2013-04-03T09:30-04:00"));
        assertThat(nyse.nextTradingDay(d("2013-12-24"))).isEqualTo(d("2013-12-26"));
        assertThat(nyse.previousTradingDay(d("2013-01-02"))).isEqualTo(d("2012-12-31"));
        // a DAY order accepted on Saturday belongs to Monday's session
        assertThat(nyse.sessionCloseFor(Clock.toNanos(ny("2013-01-05T12:00-05:00"))))
                .isEqualTo(Clock.toNanos(ny("2013-01-07T16:00-05:00")));
    }

    @Test
    void easterByComputusMatchesKnownDates() {
        assertThat(NyseCalendar.easterSunday(2013)).isEqualTo(d("2013-03-31"));
        assertThat(NyseCalendar.easterSunday(2024)).isEqualTo(d("2024-03-31"));
        assertThat(NyseCalendar.easterSunday(2000)).isEqualTo(d("2000-04-23"));
        assertThat(NyseCalendar.easterSunday(2019)).isEqualTo(d("2019-04-21"));
        assertThat(NyseCalendar.easterSunday(2038)).isEqualTo(d("2038-04-25"));
    }

    @Test
    void cryptoTradesEveryDayAllDay() {
        AlwaysOpenCalendar crypto = AlwaysOpenCalendar.INSTANCE;
        assertThat(crypto.isTradingDay(d("2013-12-25"))).isTrue();
        assertThat(crypto.isOpen(Clock.toNanos(ny("2013-01-05T03:00-05:00")))).isTrue();
        assertThat(crypto.sessionCloseFor(Clock.toNanos(Instant.parse("2013-01-05T23:59:00Z"))))
                .isEqualTo(Clock.toNanos(Instant.parse("2013-01-06T00:00:00Z")));
    }
}
