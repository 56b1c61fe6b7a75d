package io.amcp.core.journal;

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
