package io.amcp.ai.features.legacy;

import io.amcp.ai.features.FeatureFamily;

/** Log returns over several horizons, read from the log-close history. */
final class ReturnBlock extends FeatureBlock {

    static final int[] HORIZONS = {1, 2, 3, 5, 10, 20, 40, 60, 120, 250};

    ReturnBlock() {
        for (int h : HORIZONS) {
            declare("ret_" + h, FeatureFamily.RETURNS, "ln(C_t / C_(t-" + h + "))", h + 1);
        }
    }

    @Override
    void update(BarState bar, double[] row) {
        int j = offset;
        for (int h : HORIZONS) {
            row[j++] = bar.count > h ? bar.lnClose - bar.lnCloseAgo(h) : Double.NaN;
        }
    }

    @Override
    void reset() {
        // stateless: the history lives in BarState
    }
}
