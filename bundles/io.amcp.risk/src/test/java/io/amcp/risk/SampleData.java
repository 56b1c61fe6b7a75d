package io.amcp.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic one-factor returns for tests: asset a = beta_a * market + idiosyncratic noise. */
final class SampleData {

    private SampleData() {
    }

    /** Assets {@code S0..S(n-1)} over {@code days} days. */
    static ReturnsHistory history(int assets, int days, long seed) {
        return ReturnsHistory.of(symbols(assets), returns(assets, days, seed));
    }

    static List<String> symbols(int assets) {
        List<String> symbols = new ArrayList<>();
        for (int a = 0; a < assets; a++) {
            symbols.add("S" + a);
        }
        return symbols;
    }

    /** The market factor of {@link #returns} with the same seed. */
    static double[] market(int days, long seed) {
        Random random = new Random(seed);
        double[] market = new double[days];
        for (int d = 0; d < days; d++) {
            market[d] = random.nextGaussian() * 0.01;
            random.nextLong();
        }
        return market;
    }

    static double[][] returns(int assets, int days, long seed) {
        Random random = new Random(seed);
        Random noise = new Random(seed + 1);
        double[][] rows = new double[assets][days];
        for (int d = 0; d < days; d++) {
            double market = random.nextGaussian() * 0.01;
            random.nextLong();
            for (int a = 0; a < assets; a++) {
                rows[a][d] = (0.4 + 0.15 * a) * market + noise.nextGaussian() * 0.004 * (1 + a % 4);
            }
        }
        return rows;
    }
}
