package io.amcp.datasource.economic.internal;

import io.amcp.api.altdata.MacroObservation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every release of every period of every series, kept point-in-time and persisted as one CSV file
 * per series ({@code period,released,value}, the file name is the URL-encoded series id) under a
 * directory, so a restart keeps what was downloaded, including revisions seen only live.
 *
 * <p>Readers get immutable lists and never block; merges are serialised and write the file (to a
 * temporary file, then moved over the old one) before the new list becomes visible.
 *
 * <p><b>Series without release dates</b> (ECB, World Bank), {@link #mergeUndated}: a period seen for
 * the first time is taken as released at the end of the day {@code lagDays} after the period's last
 * day, UTC, or at the download instant if that is earlier (it was certainly public then). A value
 * that differs from the latest one stored for its period is a revision released at the download
 * instant. A revision the provider made before the first download cannot be told from the first
 * release, so choose the lag conservatively (at least the provider's usual time to final figures).
 */
final class PointInTimeStore {

    private static final String HEADER = "period,released,value";
    private static final Comparator<MacroObservation> ORDER =
            Comparator.comparing(MacroObservation::period).thenComparing(MacroObservation::released);

    private final Path directory;
    private final Map<String, List<MacroObservation>> series = new ConcurrentHashMap<>();

    PointInTimeStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "storeDirectory");
    }

    /** Reads {@code seriesId}'s file if there is one; an unknown series starts empty. */
    synchronized void load(String seriesId) {
        Path file = file(seriesId);
        List<MacroObservation> loaded = new ArrayList<>();
        if (Files.exists(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                    throw new IllegalStateException(file + ": line 1: expected header " + HEADER);
                }
                for (int i = 1; i < lines.size(); i++) {
                    String[] f = lines.get(i).split(",", -1);
                    try {
                        loaded.add(MacroObservation.of(seriesId, LocalDate.parse(f[0]), Instant.parse(f[1]),
                                Double.parseDouble(f[2])));
                    } catch (RuntimeException e) {
                        throw new IllegalStateException(file + ": line " + (i + 1) + ": expected period,released,value, was '"
                                + lines.get(i) + "'", e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        loaded.sort(ORDER);
        series.put(seriesId, List.copyOf(loaded));
    }

    /** Every stored release of {@code seriesId}, by period then release; empty when none. */
    List<MacroObservation> all(String seriesId) {
        return series.getOrDefault(seriesId, List.of());
    }

    /** For every period, the latest value released at or before {@code knownAt}; by period. */
    List<MacroObservation> asOf(String seriesId, Instant knownAt) {
        Objects.requireNonNull(knownAt, "knownAt");
        List<MacroObservation> out = new ArrayList<>();
        for (MacroObservation o : all(seriesId)) {
            if (o.released().isAfter(knownAt)) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).period().equals(o.period())) {
                out.set(out.size() - 1, o);
            } else {
                out.add(o);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Adds observations that carry their own release instant (FRED vintages); an observation already
     * stored for the same period and release is kept. Returns how many were added.
     */
    synchronized int mergeReleased(String seriesId, List<MacroObservation> fetched) {
        List<MacroObservation> current = all(seriesId);
        Set<String> known = new HashSet<>();
        for (MacroObservation o : current) {
            known.add(o.period() + "@" + o.released());
        }
        List<MacroObservation> merged = new ArrayList<>(current);
        for (MacroObservation o : fetched) {
            if (known.add(o.period() + "@" + o.released())) {
                merged.add(o);
            }
        }
        return replace(seriesId, current, merged);
    }

    /**
     * Adds values without a release date, downloaded at {@code fetchedAt}; see the class comment.
     * Returns how many observations were added (first releases and revisions).
     */
    synchronized int mergeUndated(String seriesId, List<PeriodValue> fetched, int lagDays, Instant fetchedAt) {
        List<MacroObservation> current = all(seriesId);
        Map<LocalDate, MacroObservation> latest = new HashMap<>();
        for (MacroObservation o : current) {
            latest.merge(o.period(), o, (a, b) -> a.released().isAfter(b.released()) ? a : b);
        }
        List<MacroObservation> merged = new ArrayList<>(current);
        for (PeriodValue v : fetched) {
            LocalDate period = v.period().start();
            MacroObservation stored = latest.get(period);
            MacroObservation added;
            if (stored == null) {
                Instant derived = derivedRelease(v.period(), lagDays);
                added = MacroObservation.of(seriesId, period, derived.isBefore(fetchedAt) ? derived : fetchedAt, v.value());
            } else if (Double.compare(stored.value(), v.value()) != 0 && fetchedAt.isAfter(stored.released())) {
                added = MacroObservation.of(seriesId, period, fetchedAt, v.value());
            } else {
                continue;
            }
            latest.put(period, added);
            merged.add(added);
        }
        return replace(seriesId, current, merged);
    }

    /** End of the day {@code lagDays} after the period's last day, UTC. */
    static Instant derivedRelease(Period period, int lagDays) {
        return period.end().plusDays(lagDays + 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private int replace(String seriesId, List<MacroObservation> current, List<MacroObservation> merged) {
        int added = merged.size() - current.size();
        if (added == 0) {
            return 0;
        }
        merged.sort(ORDER);
        write(seriesId, merged);
        series.put(seriesId, List.copyOf(merged));
        return added;
    }

    private void write(String seriesId, List<MacroObservation> observations) {
        Path file = file(seriesId);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".economic", ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.newLine();
                for (MacroObservation o : observations) {
                    out.write(o.period() + "," + o.released() + "," + o.value());
                    out.newLine();
                }
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    Path file(String seriesId) {
        return directory.resolve(URLEncoder.encode(seriesId, StandardCharsets.UTF_8) + ".csv");
    }
}
