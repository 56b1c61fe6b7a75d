package io.amcp.data;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a committed ingest.
 *
 * @param ingestId   unique id of the ingest (names its files)
 * @param rowsStored bars written
 * @param partitions partition files written or replaced
 * @param report     the data-quality report
 */
public record IngestResult(String ingestId, long rowsStored, List<PartitionInfo> partitions, QualityReport report) {

    public IngestResult {
        Objects.requireNonNull(ingestId, "ingestId");
        Objects.requireNonNull(report, "report");
        partitions = List.copyOf(partitions);
    }
}
