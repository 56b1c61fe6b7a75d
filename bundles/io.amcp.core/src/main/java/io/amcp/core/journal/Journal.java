package io.amcp.core.journal;

import java.util.List;
import java.util.function.Consumer;

/**
 * Append-only record of every state-changing kernel event (order events, marks, day starts, kill
 * switch changes), written before the change is acknowledged, so a restarted node rebuilds its
 * exact OMS and ledger state by replaying it.
 */
public interface Journal extends AutoCloseable {

    /** Appends one entry durably (at least to the operating system) before returning. */
    void append(Object entry);

    /** Replays every entry in order. */
    void replay(Consumer<Object> consumer);

    /**
     * Every entry the journal holds now, in order, read back from where it is stored (compaction
     * starts from it).
     *
     * @throws UnsupportedOperationException if this journal cannot be compacted
     */
    default List<Object> entries() {
        throw new UnsupportedOperationException("journal " + this + " cannot be compacted");
    }

    /**
     * Replaces the whole journal with {@code entries} atomically: after a crash at any point the
     * journal holds either all of the old entries or all of the new ones.
     *
     * @throws UnsupportedOperationException if this journal cannot be compacted
     */
    default void rewrite(List<Object> entries) {
        throw new UnsupportedOperationException("journal " + this + " cannot be compacted");
    }

    @Override
    void close();

    /** A journal that keeps nothing (backtests). */
    Journal NONE = new Journal() {
        @Override
        public void append(Object entry) {
        }

        @Override
        public void replay(Consumer<Object> consumer) {
        }

        @Override
        public void close() {
        }
    };
}
