package io.amcp.surveillance;

import io.amcp.api.spi.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Keeps report files for a retention period: files in the report directory last modified more than
 * {@code retention} before the clock's now are deleted, or moved to {@code archive} when one is given.
 * The clock is the platform's (a fake one in tests).
 */
public final class RecordRetention {

    private final Path reports;
    private final Path archive;
    private final Duration retention;
    private final Clock clock;

    /**
     * @param reports   directory holding the reports
     * @param archive   where expired reports go, or null to delete them
     * @param retention how long a report is kept
     * @param clock     time source
     */
    public RecordRetention(Path reports, Path archive, Duration retention, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.archive = archive;
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retentionDays: must be positive, was " + retention.toDays());
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Applies the policy once; returns the files deleted or archived. */
    public List<Path> enforce() {
        Instant cutoff = clock.instant().minus(retention);
        List<Path> expired = new ArrayList<>();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                    if (archive == null) {
                        Files.delete(f);
                    } else {
                        Files.createDirectories(archive);
                        Files.move(f, archive.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                    expired.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("retention of " + reports + " failed: " + e.getMessage(), e);
        }
        return expired;
    }
}
