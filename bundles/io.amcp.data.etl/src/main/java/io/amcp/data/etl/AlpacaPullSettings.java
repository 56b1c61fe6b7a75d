package io.amcp.data.etl;

import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.file.BarSize;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scheduled pull of Alpaca historical bars into the store.
 *
 * @param symbols      the stocks to pull, at least one
 * @param barSize      the bar size requested and stored
 * @param start        the first bar start of the first pull; later pulls continue after the last bar stored
 * @param dataset      the store dataset
 * @param periodMillis milliseconds between pulls
 * @param reports      directory of the per-pull quality reports
 */
public record AlpacaPullSettings(List<InstrumentId> symbols, BarSize barSize, Instant start, String dataset,
        long periodMillis, Path reports) {

    public AlpacaPullSettings {
        symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols: at least one symbol is required");
        }
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(reports, "reports");
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset: must not be blank");
        }
        if (periodMillis < 1000) {
            throw new IllegalArgumentException("periodMillis: must be at least 1000, was " + periodMillis);
        }
    }
}
