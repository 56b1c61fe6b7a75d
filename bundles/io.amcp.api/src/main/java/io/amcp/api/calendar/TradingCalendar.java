package io.amcp.api.calendar;

import io.amcp.api.spi.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a market trades: trading days and the regular session of each. Times are {@link Instant}s or
 * nanoseconds since the epoch (UTC), the platform's {@link Clock} unit; dates are exchange-local.
 * Implementations are immutable and thread-safe.
 */
public interface TradingCalendar {

    /** The exchange's time zone. */
    ZoneId zone();

    /** Whether the exchange holds a regular session on {@code date} (not a weekend, holiday or closure). */
    boolean isTradingDay(LocalDate date);

    /** Start of the regular session of a trading day. */
    Instant sessionOpen(LocalDate date);

    /** End of the regular session of a trading day (13:00 on NYSE early-close days). */
    Instant sessionClose(LocalDate date);

    /** Start of the regular session of a trading day, nanoseconds since the epoch. */
    default long sessionOpenNanos(LocalDate date) {
        return Clock.toNanos(sessionOpen(date));
    }

    /** End of the regular session of a trading day, nanoseconds since the epoch. */
    default long sessionCloseNanos(LocalDate date) {
        return Clock.toNanos(sessionClose(date));
    }

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
        long open = sessionOpenNanos(date);
        long close = sessionCloseNanos(date);
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

    /** The last trading day strictly before {@code date}. */
    default LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The open of the first regular session that starts strictly after {@code epochNanos}. */
    default long nextSessionOpen(long epochNanos) {
        LocalDate date = dateOf(epochNanos);
        if (isTradingDay(date)) {
            long open = sessionOpenNanos(date);
            if (open > epochNanos) {
                return open;
            }
        }
        return sessionOpenNanos(nextTradingDay(date));
    }

    /** The open of the first regular session that starts strictly after {@code instant}. */
    default Instant nextSessionOpen(Instant instant) {
        return Clock.toInstant(nextSessionOpen(Clock.toNanos(instant)));
    }

    /**
     * The close of the session an order accepted at {@code epochNanos} belongs to: today's session
     * if it has not closed yet, else the next trading day's.
     */
    default long sessionCloseFor(long epochNanos) {
        LocalDate date = dateOf(epochNanos);
        if (isTradingDay(date)) {
            long close = sessionCloseNanos(date);
            if (epochNanos < close) {
                return close;
            }
        }
        return sessionCloseNanos(nextTradingDay(date));
    }
}
