package io.amcp.data.etl;

import io.amcp.datasource.file.BarSize;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The live-stream ingest: which bars of the market data hub go into which dataset, and when a
 * micro-batch is stored.
 *
 * @param subscription the hub subscription name (unique in the hub)
 * @param dataset      the store dataset
 * @param barSize      the bar size of the live bars; bars of other sizes must not be published to this dataset
 * @param batchSize    a micro-batch is stored once it holds this many bars
 * @param flushMillis  or once its oldest bar has waited this long
 * @param reports      directory of the per-batch quality reports ({@code live-<ingest>.quality.txt}) and of
 *                     the micro-batches the store refused ({@code live-failed-<batch>.csv} and {@code .txt})
 * @param attempts     times a micro-batch is offered to the store before it is quarantined (at least 1)
 * @param backoffMillis wait before the second attempt, doubled before each next one
 */
public record LiveIngestSettings(String subscription, String dataset, BarSize barSize, int batchSize, long flushMillis,
        Path reports, int attempts, long backoffMillis) {

    public LiveIngestSettings {
        if (subscription == null || subscription.isBlank()) {
            throw new IllegalArgumentException("subscription: must not be blank");
        }
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset: must not be blank");
        }
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(reports, "reports");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: must be at least 1, was " + batchSize);
        }
        if (flushMillis < 10) {
            throw new IllegalArgumentException("flushMillis: must be at least 10, was " + flushMillis);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("retryAttempts: must be at least 1, was " + attempts);
        }
        if (backoffMillis < 0) {
            throw new IllegalArgumentException("retryBackoffMillis: must not be negative, was " + backoffMillis);
        }
    }
}
