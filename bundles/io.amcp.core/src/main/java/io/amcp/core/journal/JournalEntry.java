package io.amcp.core.journal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.core.ledger.Ledger;

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

    /**
     * The start of a compacted journal's snapshot: until {@link SnapshotEnded}, order events rebuild
     * the order book only (their fills are already in the {@link LedgerSnapshot}s that follow).
     *
     * @param time           kernel time when the snapshot was taken
     * @param lastDayStarted time of the last {@link DayStarted} before it, {@link Long#MIN_VALUE} if none
     */
    public record SnapshotStarted(long time, long lastDayStarted) {
    }

    /**
     * A ledger's whole state in a snapshot.
     *
     * @param book  the strategy whose own position book this is, or null for the account ledger
     * @param state the ledger's state
     */
    public record LedgerSnapshot(StrategyId book, Ledger.State state) {
        public LedgerSnapshot {
            java.util.Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A client order id a compaction forgot the order of: it stays used, so no order is ever sent
     * again under it (venues refuse a client order id they have seen).
     *
     * @param clientOrderId the retired id
     */
    public record RetiredOrder(ClientOrderId clientOrderId) {
        public RetiredOrder {
            java.util.Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }

    /** The end of a snapshot; entries after it are applied as usual. */
    public record SnapshotEnded(long time) {
    }

    /**
     * An order a venue received, in a venue's own journal (a venue that keeps its book across
     * restarts replays these inputs).
     *
     * @param order the order as received
     * @param time  when it arrived
     */
    public record VenueOrder(SubmitOrder order, long time) {
    }

    /** A cancel request a venue received. */
    public record VenueCancel(ClientOrderId clientOrderId, long time) {
    }

    /** A replace request a venue received. */
    public record VenueReplace(ReplaceOrder replace, long time) {
    }

    /** A bar a venue matched its book against. */
    public record VenueBar(Bar bar) {
    }

    /** A quote a venue matched its book against. */
    public record VenueQuote(Quote quote) {
    }

    /** A trade print a venue matched its book against. */
    public record VenueTrade(TradeTick trade) {
    }
}
