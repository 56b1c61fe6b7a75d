package io.amcp.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Crypto markets, open 24/7: every day is a trading day and its session is the whole UTC day
 * [00:00, 24:00), so a DAY order expires at the next UTC midnight.
 */
public final class AlwaysOpenCalendar implements TradingCalendar {

    /** The shared instance. */
    public static final AlwaysOpenCalendar INSTANCE = new AlwaysOpenCalendar();

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        return true;
    }

    @Override
    public Instant sessionOpen(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public Instant sessionClose(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public boolean isOpen(long epochNanos) {
        return true;
    }
}
