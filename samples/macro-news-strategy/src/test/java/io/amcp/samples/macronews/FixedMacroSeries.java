package io.amcp.samples.macronews;

import io.amcp.api.altdata.MacroObservation;
import io.amcp.api.altdata.MacroSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A {@link MacroSeries} over releases written in the test, answering point-in-time like the
 * platform's economic source; it records every query's answer for the tests to inspect.
 */
final class FixedMacroSeries implements MacroSeries {

    /** One query: the instant asked about and the answer given. */
    record Query(Instant knownAt, List<MacroObservation> answer) {
    }

    private final String id;
    private final List<MacroObservation> releases;
    final List<Query> queries = new ArrayList<>();

    FixedMacroSeries(String id, List<MacroObservation> releases) {
        this.id = id;
        this.releases = releases.stream().sorted(Comparator.comparing(MacroObservation::period)
                .thenComparing(MacroObservation::released)).toList();
    }

    @Override
    public Set<String> seriesIds() {
        return Set.of(id);
    }

    @Override
    public List<MacroObservation> asOf(String seriesId, Instant knownAt) {
        if (!id.equals(seriesId)) {
            throw new IllegalArgumentException("seriesId: unknown series " + seriesId);
        }
        List<MacroObservation> out = new ArrayList<>();
        for (MacroObservation o : releases) {
            if (o.released().isAfter(knownAt)) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).period().equals(o.period())) {
                out.set(out.size() - 1, o);
            } else {
                out.add(o);
            }
        }
        List<MacroObservation> answer = List.copyOf(out);
        queries.add(new Query(knownAt, answer));
        return answer;
    }
}
