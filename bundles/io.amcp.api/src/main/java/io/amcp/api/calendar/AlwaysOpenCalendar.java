package io.amcp.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Crypto: every day trades, the session is the whole UTC day. */
public final class AlwaysOpenCalendar implements TradingCalendar {

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
