package io.amcp.ai.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.BarSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percentile ranks of ret_1 across three instruments, checked against the ordering of their returns. */
class CrossSectionalRanksTest {

    @Test
    void ranksOrderTheUniverseAtEachTimestamp() {
        BarSeries a = TestBars.synthetic("AAA", 50, 1);
        BarSeries b = TestBars.synthetic("BBB", 50, 2);
        BarSeries c = TestBars.head(TestBars.synthetic("CCC", 50, 3), 30);
        double[][] ranks = CrossSectionalRanks.percentileRanks(List.of(a, b, c), "ret_1");
        double[] ra = FeatureEngine.standard().compute(a).column("ret_1");
        double[] rb = FeatureEngine.standard().compute(b).column("ret_1");
        double[] rc = FeatureEngine.standard().compute(c).column("ret_1");
        assertTrue(Double.isNaN(ranks[0][0]), "ret_1 is NaN on the first bar");
        for (int i = 1; i < 30; i++) {
            double[] v = {ra[i], rb[i], rc[i]};
            for (int s = 0; s < 3; s++) {
                int below = 0;
                for (double x : v) {
                    below += x < v[s] ? 1 : 0;
                }
                assertEquals(below / 2.0, ranks[s][i], 1e-15, "series " + s + " at " + i);
            }
        }
        for (int i = 30; i < 50; i++) {
            assertEquals(ra[i] < rb[i] ? 0.0 : 1.0, ranks[0][i], "two instruments left after C ends");
        }
    }
}
