package io.amcp.ai.models.registry;

import java.util.Objects;

/**
 * The data a model was trained on.
 *
 * @param dataset    dataset id, e.g. {@code btc-bitstamp}
 * @param instrument instrument symbol
 * @param firstTime  first training sample's bar end, epoch nanoseconds
 * @param lastTime   last training sample's bar end, epoch nanoseconds, at least {@code firstTime}
 * @param samples    number of training samples, not negative
 */
public record DataRange(String dataset, String instrument, long firstTime, long lastTime, int samples) {

    public DataRange {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(instrument, "instrument");
        if (lastTime < firstTime) {
            throw new IllegalArgumentException("lastTime: " + lastTime + " before firstTime " + firstTime);
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples: must not be negative, got " + samples);
        }
    }

    /** A data range; see the record components. */
    public static DataRange of(String dataset, String instrument, long firstTime, long lastTime, int samples) {
        return new DataRange(dataset, instrument, firstTime, lastTime, samples);
    }
}
