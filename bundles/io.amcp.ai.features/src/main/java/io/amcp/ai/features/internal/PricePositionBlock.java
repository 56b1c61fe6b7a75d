package io.amcp.ai.features.internal;

import io.amcp.ai.features.FeatureFamily;

/** Distance of the close from the highest high and the lowest low of several windows. */
final class PricePositionBlock extends FeatureBlock {

    private static final int[] WINDOWS = {20, 60, 250};
    private final int[] extremes = new int[WINDOWS.length];

    PricePositionBlock() {
        for (int i = 0; i < WINDOWS.length; i++) {
            extremes[i] = BarState.extremeWindow(WINDOWS[i]);
        }
        for (int n : WINDOWS) {
            declare("dist_high_" + n, FeatureFamily.PRICE_POSITION, "C / max(H over the last " + n + " bars) - 1", n);
        }
        for (int n : WINDOWS) {
            declare("dist_low_" + n, FeatureFamily.PRICE_POSITION, "C / min(L over the last " + n + " bars) - 1", n);
        }
    }

    @Override
    void update(BarState bar, double[] row) {
        int j = offset;
        for (int e : extremes) {
            row[j++] = ratioMinusOne(bar.close, bar.highest(e));
        }
        for (int e : extremes) {
            row[j++] = ratioMinusOne(bar.close, bar.lowest(e));
        }
    }

    @Override
    void reset() {
        // stateless: the rolling extremes live in BarState
    }
}
