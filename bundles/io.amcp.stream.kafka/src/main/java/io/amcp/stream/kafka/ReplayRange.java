package io.amcp.stream.kafka;

import java.time.Instant;
import java.util.Objects;

/**
 * Which records of a topic to replay: a half-open range of event times {@code [from, to)}, or a
 * half-open range of offsets {@code [fromOffset, toOffset)} applied to every partition. Either way
 * the replay stops at the end of the topic as it was when the replay started.
 *
 * @param byTime     true for a time range, false for an offset range
 * @param from       first event time included (time ranges)
 * @param to         first event time excluded (time ranges)
 * @param fromOffset first offset included (offset ranges)
 * @param toOffset   first offset excluded (offset ranges), {@link Long#MAX_VALUE} for the end
 */
public record ReplayRange(boolean byTime, Instant from, Instant to, long fromOffset, long toOffset) {

    public ReplayRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (byTime && !from.isBefore(to)) {
            throw new IllegalArgumentException("to: must be after from (" + from + "), was " + to);
        }
        if (fromOffset < 0) {
            throw new IllegalArgumentException("fromOffset: must not be negative, was " + fromOffset);
        }
        if (toOffset <= fromOffset) {
            throw new IllegalArgumentException("toOffset: must be above fromOffset (" + fromOffset + "), was " + toOffset);
        }
    }

    /** Records whose event time lies in {@code [from, to)}. */
    public static ReplayRange byTime(Instant from, Instant to) {
        return new ReplayRange(true, from, to, 0, Long.MAX_VALUE);
    }

    /** Records at offsets {@code [fromOffset, toOffset)} of every partition. */
    public static ReplayRange byOffset(long fromOffset, long toOffset) {
        return new ReplayRange(false, Instant.EPOCH, Instant.EPOCH, fromOffset, toOffset);
    }

    /** The whole topic. */
    public static ReplayRange all() {
        return byOffset(0, Long.MAX_VALUE);
    }
}
