package io.amcp.data.internal;

import io.amcp.api.calendar.AlwaysOpenCalendar;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import java.time.LocalDate;

/** Time arithmetic on epoch nanoseconds shared by the store's parts. */
public final class Times {

    public static final long DAY_NANOS = 86_400_000_000_000L;

    private Times() {
    }

    /** UTC year of an instant in nanoseconds since the epoch. */
    public static int utcYear(long nanos) {
        return LocalDate.ofEpochDay(Math.floorDiv(nanos, DAY_NANOS)).getYear();
    }

    /** Start of the UTC year after the one {@code nanos} falls in. */
    public static long nextYearStart(long nanos) {
        return LocalDate.of(utcYear(nanos) + 1, 1, 1).toEpochDay() * DAY_NANOS;
    }

    /**
     * The end of the UTC-year slice of ascending times that starts at {@code from}: the first index in
     * {@code (from, to]} whose time falls in a later UTC year than {@code time[from]}, or {@code to}.
     * Ingest stores one partition per symbol and UTC year from such slices.
     */
    public static int yearSliceEnd(long[] time, int from, int to) {
        long end = nextYearStart(time[from]);
        int stop = from;
        while (stop < to && time[stop] < end) {
            stop++;
        }
        return stop;
    }

    /** Start of UTC year {@code year}. */
    public static long yearStart(int year) {
        return LocalDate.of(year, 1, 1).toEpochDay() * DAY_NANOS;
    }

    /** The calendar a symbol trades on: around the clock for crypto pairs, else NYSE. */
    public static TradingCalendar calendarOf(InstrumentId symbol) {
        return Instrument.infer(symbol).assetClass().tradesAroundTheClock() ? AlwaysOpenCalendar.INSTANCE
                : NyseCalendar.INSTANCE;
    }
}
