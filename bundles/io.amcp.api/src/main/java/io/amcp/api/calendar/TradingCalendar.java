package io.amcp.api.calendar;

import io.amcp.api.spi.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** When a market trades: trading days and the regular session of each. */
public interface TradingCalendar {

    /** The exchange's time zone. */
    ZoneId zone();

    boolean isTradingDay(LocalDate date);

    /** Start of the regular session of a trading day. */
    Instant sessionOpen(LocalDate date);

    /** End of the regular session of a trading day (13:00 on NYSE early-close days). */
    Instant sessionClose(LocalDate date);

    /** The exchange-local date of an instant. */
    default LocalDate dateOf(long epochNanos) {
        return Clock.toInstant(epochNanos).atZone(zone()).toLocalDate();
    }

    /** Whether the regular session is open at {@code epochNanos} (open inclusive, close inclusive). */
    default boolean isOpen(long epochNanos) {
        LocalDate date = dateOf(epochNanos);
        if (!isTradingDay(date)) {
            return false;
        }
        long open = Clock.toNanos(sessionOpen(date));
        long close = Clock.toNanos(sessionClose(date));
        return epochNanos >= open && epochNanos <= close;
    }

    /** The first trading day strictly after {@code date}. */
    default LocalDate nextTradingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The close of the session an order accepted at {@code epochNanos} belongs to: today's session
     * if it has not closed yet, else the next trading day's.
     */
    default long sessionCloseFor(long epochNanos) {
        LocalDate date = dateOf(epochNanos);
        if (isTradingDay(date)) {
            long close = Clock.toNanos(sessionClose(date));
            if (epochNanos < close) {
                return close;
            }
        }
        return Clock.toNanos(sessionClose(nextTradingDay(date)));
    }
}
