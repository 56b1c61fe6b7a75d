package io.amcp.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NyseCalendarTest {

    private final NyseCalendar nyse = NyseCalendar.INSTANCE;

    @Test
    void holidaysOf2013AsPublishedByNyse() {
        List<LocalDate> holidays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2013, 1, 1); d.getYear() == 2013; d = d.plusDays(1)) {
            if (nyse.isHoliday(d)) {
                holidays.add(d);
            }
        }
        assertThat(holidays).containsExactly(LocalDate.of(2013, 1, 1), LocalDate.of(2013, 1, 21),
                LocalDate.of(2013, 2, 18), LocalDate.of(2013, 3, 29), LocalDate.of(2013, 5, 27),
                LocalDate.of(2013, 7, 4), LocalDate.of(2013, 9, 2), LocalDate.of(2013, 11, 28),
                LocalDate.of(2013, 12, 25));
    }

    @Test
    void earlyClosesAndObservanceRules() {
        assertThat(nyse.isEarlyClose(LocalDate.of(2013, 7, 3))).isTrue();
        assertThat(nyse.isEarlyClose(LocalDate.of(2013, 11, 29))).isTrue();
        assertThat(nyse.isEarlyClose(LocalDate.of(2013, 12, 24))).isTrue();
        assertThat(nyse.sessionClose(LocalDate.of(2013, 11, 29)))
                .isEqualTo(ZonedDateTime.parse("2013-11-29T13:00-05:00[America/New_York]").toInstant());
        // Juneteenth 2022 fell on a Sunday: observed Monday June 20
        assertThat(nyse.isTradingDay(LocalDate.of(2022, 6, 20))).isFalse();
        // New Year 2022 fell on a Saturday: NYSE does not close on Friday Dec 31 2021
        assertThat(nyse.isTradingDay(LocalDate.of(2021, 12, 31))).isTrue();
        // Independence Day 2021 fell on a Sunday: observed Monday July 5
        assertThat(nyse.isTradingDay(LocalDate.of(2021, 7, 5))).isFalse();
        // Hurricane Sandy and the Carter day of mourning
        assertThat(nyse.isTradingDay(LocalDate.of(2012, 10, 29))).isFalse();
        assertThat(nyse.isTradingDay(LocalDate.of(2025, 1, 9))).isFalse();
        // 252 trading days in 2013, as the real AAPL 2013 daily file has
        int days = 0;
        for (LocalDate d = LocalDate.of(2013, 1, 1); d.getYear() == 2013; d = d.plusDays(1)) {
            days += nyse.isTradingDay(d) ? 1 : 0;
        }
        assertThat(days).isEqualTo(252);
    }

    @Test
    void easterByComputusMatchesKnownDates() {
        assertThat(NyseCalendar.easterSunday(2013)).isEqualTo(LocalDate.of(2013, 3, 31));
        assertThat(NyseCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(NyseCalendar.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
    }
}
