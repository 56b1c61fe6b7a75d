package io.amcp.data;

import io.amcp.api.spi.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What validation found in one ingest: rows seen, stored and quarantined, counts per
 * {@link QualityRule}, and the findings themselves (the first {@value #MAX_LISTED} are listed; the
 * quarantine file holds every quarantined row).
 *
 * @param dataset        dataset id
 * @param ingestId       the ingest the report belongs to
 * @param rowsRead       rows delivered by the source, including rows that failed to parse
 * @param rowsStored     rows that passed every quarantining rule
 * @param rowsQuarantined rows written to the quarantine file
 * @param counts         findings per rule (every rule present, zero when none)
 * @param missingSessions trading days without any bar, summed over symbols
 * @param missingBars    intraday bars missing within sessions that do have bars
 * @param issues         the first findings, in the order found
 * @param quarantineFile the quarantine file relative to the store root, or empty when nothing was quarantined
 */
public record QualityReport(String dataset, String ingestId, long rowsRead, long rowsStored, long rowsQuarantined,
        Map<QualityRule, Long> counts, long missingSessions, long missingBars, List<QualityIssue> issues,
        String quarantineFile) {

    /** Findings kept in {@link #issues()}. */
    public static final int MAX_LISTED = 50;

    public QualityReport {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(ingestId, "ingestId");
        Objects.requireNonNull(quarantineFile, "quarantineFile");
        EnumMap<QualityRule, Long> all = new EnumMap<>(QualityRule.class);
        for (QualityRule rule : QualityRule.values()) {
            all.put(rule, counts.getOrDefault(rule, 0L));
        }
        counts = Map.copyOf(all);
        issues = List.copyOf(issues);
    }

    /** Number of findings of {@code rule}. */
    public long count(QualityRule rule) {
        return counts.get(rule);
    }

    /**
     * Writes {@link #toText()} to {@code <directory>/<prefix><ingestId>.quality.txt}, creating the
     * directory; returns the file. The ETL routes name their reports this way, e.g. prefix
     * {@code live-} or {@code aapl.csv.}.
     */
    public Path writeTo(Path directory, String prefix) throws IOException {
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve(prefix + ingestId + ".quality.txt"), toText());
    }

    /** A plain-text rendering for terminals and the stored report file. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("quality report: dataset ").append(dataset).append(", ingest ").append(ingestId).append('\n');
        sb.append(String.format("rows read %d, stored %d, quarantined %d%n", rowsRead, rowsStored, rowsQuarantined));
        sb.append(String.format("missing sessions %d, missing intraday bars %d%n", missingSessions, missingBars));
        for (QualityRule rule : QualityRule.values()) {
            sb.append(String.format("  %-20s %-10s %d%n", rule, rule.quarantines() ? "quarantine" : "report", counts.get(rule)));
        }
        if (!quarantineFile.isEmpty()) {
            sb.append("quarantine file: ").append(quarantineFile).append('\n');
        }
        for (QualityIssue issue : issues) {
            sb.append("  ").append(issue.rule()).append(' ').append(issue.symbol()).append(' ')
                    .append(issue.time() == Long.MIN_VALUE ? "-" : Clock.toInstant(issue.time()).toString()).append(' ')
                    .append(issue.origin()).append(issue.field().isEmpty() ? "" : " field '" + issue.field() + "'")
                    .append(": ").append(issue.reason()).append('\n');
        }
        return sb.toString();
    }
}
