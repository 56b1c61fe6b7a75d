package io.amcp.data;

import io.amcp.api.model.InstrumentId;
import java.util.Objects;

/**
 * A catalog entry: one Parquet file holding one symbol's bars of one year.
 *
 * @param dataset   dataset id
 * @param symbol    the instrument
 * @param year      UTC year of the bar end times in the file
 * @param file      path of the file relative to the store root, with '/' separators
 * @param rows      number of bars in the file
 * @param firstTime first bar end, nanoseconds since the epoch
 * @param lastTime  last bar end, nanoseconds since the epoch
 * @param bytes     file size
 * @param sha256    SHA-256 of the file's bytes, lower-case hex
 */
public record PartitionInfo(String dataset, InstrumentId symbol, int year, String file, long rows, long firstTime,
        long lastTime, long bytes, String sha256) {

    public PartitionInfo {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException("partition " + file + ": rows and bytes must not be negative");
        }
    }
}
