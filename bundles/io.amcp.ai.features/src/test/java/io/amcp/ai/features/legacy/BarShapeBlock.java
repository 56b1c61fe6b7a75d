package io.amcp.ai.features.legacy;

import io.amcp.ai.features.FeatureFamily;

/** The current bar's gap, body, range and close location. */
final class BarShapeBlock extends FeatureBlock {

    BarShapeBlock() {
        declare("gap", FeatureFamily.BAR_SHAPE, "ln(O_t / C_(t-1))", 2);
        declare("body", FeatureFamily.BAR_SHAPE, "ln(C / O)", 1);
        declare("range", FeatureFamily.BAR_SHAPE, "ln(H / L)", 1);
        declare("close_location", FeatureFamily.BAR_SHAPE, "(C - L) / (H - L), 0.5 when H = L", 1);
    }

    @Override
    void update(BarState bar, double[] row) {
        int j = offset;
        row[j] = bar.lnOpen - bar.lnPreviousClose;
        row[j + 1] = bar.lnClose - bar.lnOpen;
        row[j + 2] = bar.lnHigh - bar.lnLow;
        double span = bar.high - bar.low;
        row[j + 3] = span > 0.0 ? (bar.close - bar.low) / span : 0.5;
    }

    @Override
    void reset() {
        // stateless: the previous close lives in BarState
    }
}
