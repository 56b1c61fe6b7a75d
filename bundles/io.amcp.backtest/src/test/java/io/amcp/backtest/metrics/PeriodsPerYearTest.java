package io.amcp.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.calendar.AlwaysOpenCalendar;
import io.amcp.api.calendar.NyseCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodsPerYearTest {

    private static final long MINUTE = 60_000_000_000L;

    @Test
    void dailyNyseBarsIn2013Give252() {
        // NYSE traded 252 days in 2013 (published NYSE holiday schedule: 261 weekdays - 9 holidays)
        NyseCalendar nyse = NyseCalendar.INSTANCE;
        List<Long> closes = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2013, 1, 1); d.getYear() == 2013; d = d.plusDays(1)) {
            if (nyse.isTradingDay(d)) {
                closes.add(nyse.sessionCloseNanos(d));
            }
        }
        assertThat(closes).hasSize(252);
        assertThat(PeriodsPerYear.estimate(closes.stream().mapToLong(Long::longValue).toArray(), nyse))
                .isCloseTo(252.0, within(1e-9));
    }

    @Test
    void minuteBarsOnNyseGive390PerSession() {
        // three full sessions of one-minute bars in March 2024; NYSE 2024 has 252 trading days
        NyseCalendar nyse = NyseCalendar.INSTANCE;
        List<Long> times = new ArrayList<>();
        for (LocalDate d : List.of(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6))) {
            long open = nyse.sessionOpenNanos(d);
            for (int i = 1; i <= 390; i++) {
                times.add(open + i * MINUTE);
            }
        }
        assertThat(PeriodsPerYear.estimate(times.stream().mapToLong(Long::longValue).toArray(), nyse))
                .isCloseTo(390.0 * 252, within(1e-9));
    }

    @Test
    void fiveMinuteCryptoBarsGive288TimesTheDaysOfTheYear() {
        // 24/7 market, 2023 has 365 days, 24 x 12 = 288 five-minute bars a day
        long start = LocalDate.of(2023, 6, 1).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        long[] times = new long[288 * 4];
        for (int i = 0; i < times.length; i++) {
            times[i] = start + i * 5 * MINUTE;
        }
        assertThat(PeriodsPerYear.estimate(times, AlwaysOpenCalendar.INSTANCE)).isCloseTo(288.0 * 365, within(1e-9));
    }
}
