package io.amcp.data;

import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.file.BarSize;
import java.util.List;
import java.util.Objects;

/**
 * One dataset as the catalog lists it.
 *
 * @param id         dataset id
 * @param barSize    bar size the bars are stored at
 * @param symbols    symbols, sorted
 * @param firstTime  earliest bar end, nanoseconds since the epoch
 * @param lastTime   latest bar end, nanoseconds since the epoch
 * @param rows       bars stored
 * @param partitions number of partition files
 * @param bytes      total size of the partition files
 */
public record DatasetSummary(String id, BarSize barSize, List<InstrumentId> symbols, long firstTime, long lastTime,
        long rows, int partitions, long bytes) {

    public DatasetSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(barSize, "barSize");
        symbols = List.copyOf(symbols);
    }
}
