package io.amcp.ai.features.legacy;

import io.amcp.ai.features.FeatureFamily;

/** Distance of the close from the highest high and the lowest low of several windows. */
final class PricePositionBlock extends FeatureBlock {

    private static final int[] WINDOWS = {20, 60, 250};
    private final RollingExtreme[] highs = new RollingExtreme[WINDOWS.length];
    private final RollingExtreme[] lows = new RollingExtreme[WINDOWS.length];

    PricePositionBlock() {
        for (int i = 0; i < WINDOWS.length; i++) {
            highs[i] = RollingExtreme.max(WINDOWS[i]);
            lows[i] = RollingExtreme.min(WINDOWS[i]);
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
        for (RollingExtreme h : highs) {
            h.push(bar.high);
            row[j++] = ratioMinusOne(bar.close, h.value());
        }
        for (RollingExtreme l : lows) {
            l.push(bar.low);
            row[j++] = ratioMinusOne(bar.close, l.value());
        }
    }

    @Override
    void reset() {
        for (int i = 0; i < WINDOWS.length; i++) {
            highs[i].clear();
            lows[i].clear();
        }
    }
}
