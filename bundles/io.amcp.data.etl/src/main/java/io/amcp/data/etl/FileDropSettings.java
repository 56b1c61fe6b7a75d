package io.amcp.data.etl;

import io.amcp.datasource.file.BarSize;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file-drop ingest: which directory is watched, which dataset the files go into and where the
 * per-file reports are written.
 *
 * @param inbox      the watched directory; processed files move to {@code .done/}, refused ones to {@code .failed/}
 * @param dataset    the store dataset the bars go into
 * @param barSize    bar size of Alpaca files (CSV or JSON), or null to infer it from the smallest gap
 * @param reports    directory of the per-file reports ({@code <file>.<ingest>.quality.txt}, {@code <file>.failed.txt})
 * @param pollMillis milliseconds between directory scans
 */
public record FileDropSettings(Path inbox, String dataset, BarSize barSize, Path reports, long pollMillis) {

    public FileDropSettings {
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(reports, "reports");
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset: must not be blank");
        }
        if (pollMillis < 10) {
            throw new IllegalArgumentException("pollMillis: must be at least 10, was " + pollMillis);
        }
    }

    /** Settings with reports in {@code <inbox>/.reports} and a one-second poll. */
    public static FileDropSettings of(Path inbox, String dataset, BarSize barSize) {
        return new FileDropSettings(inbox, dataset, barSize, inbox.resolve(".reports"), 1000);
    }
}
