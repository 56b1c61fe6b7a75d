package io.amcp.ai.features;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.BarSeries;
import org.junit.jupiter.api.Test;

/**
 * Every feature is NaN exactly on its first {@code lookback - 1} bars and finite from bar
 * {@code lookback - 1} on (synthetic bars never hit a zero denominator).
 */
class LookbackTest {

    @Test
    void nanExactlyBeforeTheLookback() {
        BarSeries series = TestBars.synthetic("SYN", 700, 3);
        FeatureMatrix m = FeatureEngine.standard().compute(series);
        for (int j = 0; j < m.columns(); j++) {
            FeatureSpec spec = m.registry().spec(j);
            for (int i = 0; i < m.rows(); i++) {
                double v = m.get(i, j);
                if (i < spec.lookback() - 1) {
                    assertTrue(Double.isNaN(v), spec.name() + " must be NaN at bar " + i + ", got " + v);
                } else {
                    assertFalse(Double.isNaN(v) || Double.isInfinite(v), spec.name() + " must be finite at bar " + i);
                }
            }
        }
    }

    @Test
    void aaplHasEveryFeatureOnItsLastBar() {
        FeatureMatrix m = FeatureEngine.standard().compute(TestBars.aapl());
        for (int j = 0; j < m.columns(); j++) {
            assertTrue(Double.isFinite(m.get(m.rows() - 1, j)), m.registry().spec(j).name());
        }
    }
}
