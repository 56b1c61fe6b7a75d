package io.amcp.ai.features;

import io.amcp.api.model.BarSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cross-sectional features: the rank of one feature across a universe of instruments at the same
 * timestamp. At each bar end time present in any series, the instruments that have a bar then and a
 * non-NaN value are ranked; the result is the percentile rank {@code (rank - 1) / (m - 1)} in
 * {@code [0, 1]} (average rank for ties, 0.5 when only one instrument has a value), NaN for an instrument
 * without a value. It uses only values at that timestamp, so it adds no look-ahead.
 */
public final class CrossSectionalRanks {

    private CrossSectionalRanks() {
    }

    /**
     * Computes the standard features of every series (a fresh {@link FeatureEngine} in UTC each) and
     * ranks {@code feature} across them.
     *
     * @return {@code out[s][i]}: the percentile rank of series {@code s} at its bar {@code i}
     */
    public static double[][] percentileRanks(List<BarSeries> universe, String feature) {
        Objects.requireNonNull(universe, "universe");
        List<FeatureMatrix> matrices = new ArrayList<>(universe.size());
        FeatureEngine engine = FeatureEngine.standard();
        for (BarSeries series : universe) {
            matrices.add(engine.compute(Objects.requireNonNull(series, "universe: null series")));
        }
        return percentileRanksOf(matrices, feature);
    }

    /**
     * Ranks {@code feature} across precomputed feature matrices, one per instrument.
     *
     * @throws IllegalArgumentException naming {@code feature} when it is not in a matrix's registry
     */
    public static double[][] percentileRanksOf(List<FeatureMatrix> matrices, String feature) {
        Objects.requireNonNull(matrices, "matrices");
        Objects.requireNonNull(feature, "feature");
        int count = matrices.size();
        double[][] values = new double[count][];
        double[][] out = new double[count][];
        for (int s = 0; s < count; s++) {
            FeatureMatrix m = matrices.get(s);
            values[s] = m.column(feature);
            out[s] = new double[m.rows()];
            Arrays.fill(out[s], Double.NaN);
        }
        int[] cursor = new int[count];
        int[] members = new int[count];
        double[] memberValues = new double[count];
        while (true) {
            long now = Long.MAX_VALUE;
            for (int s = 0; s < count; s++) {
                if (cursor[s] < values[s].length) {
                    now = Math.min(now, matrices.get(s).time(cursor[s]));
                }
            }
            if (now == Long.MAX_VALUE) {
                return out;
            }
            int m = 0;
            for (int s = 0; s < count; s++) {
                if (cursor[s] < values[s].length && matrices.get(s).time(cursor[s]) == now) {
                    double v = values[s][cursor[s]];
                    if (!Double.isNaN(v)) {
                        members[m] = s;
                        memberValues[m] = v;
                        m++;
                    }
                }
            }
            for (int a = 0; a < m; a++) {
                double below = 0;
                double equal = 0;
                for (int b = 0; b < m; b++) {
                    if (memberValues[b] < memberValues[a]) {
                        below++;
                    } else if (memberValues[b] == memberValues[a]) {
                        equal++;
                    }
                }
                double rank = below + (equal + 1.0) / 2.0;
                int s = members[a];
                out[s][cursor[s]] = m == 1 ? 0.5 : (rank - 1.0) / (m - 1.0);
            }
            for (int s = 0; s < count; s++) {
                if (cursor[s] < values[s].length && matrices.get(s).time(cursor[s]) == now) {
                    cursor[s]++;
                }
            }
        }
    }
}
