package io.amcp.api.altdata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Point-in-time macro time series, as published by one or more providers. */
public interface MacroSeries {

    /** Ids of the series this service holds, e.g. {@code fred:UNRATE}. */
    Set<String> seriesIds();

    /**
     * The series as it was known at {@code knownAt}: for every period, the latest value released at
     * or before {@code knownAt}; periods first released later are absent. Ordered by period.
     *
     * @throws IllegalArgumentException naming the id when the series is unknown
     */
    List<MacroObservation> asOf(String seriesId, Instant knownAt);

    /** The most recent period's value as known at {@code knownAt}, if any was released by then. */
    default Optional<MacroObservation> latest(String seriesId, Instant knownAt) {
        List<MacroObservation> known = asOf(seriesId, knownAt);
        return known.isEmpty() ? Optional.empty() : Optional.of(known.get(known.size() - 1));
    }
}
