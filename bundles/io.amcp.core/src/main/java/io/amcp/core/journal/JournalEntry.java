package io.amcp.core.journal;

import io.amcp.api.model.InstrumentId;

/** Journal entries that are not order events. */
public final class JournalEntry {

    private JournalEntry() {
    }

    /**
     * A mark price for an instrument.
     *
     * @param instrument instrument
     * @param priceRaw   raw price
     * @param time       nanoseconds since the epoch
     */
    public record Mark(InstrumentId instrument, long priceRaw, long time) {
    }

    /**
     * A new trading day started (daily P&L resets).
     *
     * @param time nanoseconds since the epoch
     */
    public record DayStarted(long time) {
    }

    /**
     * The kill switch changed.
     *
     * @param engaged engaged or released
     * @param reason  reason given
     * @param time    nanoseconds since the epoch
     */
    public record KillSwitchChanged(boolean engaged, String reason, long time) {
    }
}
