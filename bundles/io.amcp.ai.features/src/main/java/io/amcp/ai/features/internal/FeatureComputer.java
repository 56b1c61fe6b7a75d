package io.amcp.ai.features.internal;

import io.amcp.ai.features.FeatureSpec;
import java.time.ZoneId;
import java.util.List;

/**
 * Runs the standard feature blocks over one instrument's bars, one bar at a time. Holds only primitive
 * ring buffers and running sums: an update allocates nothing and costs O(1) amortised per feature.
 * Inputs are assumed valid; {@code io.amcp.ai.features.FeatureEngine} checks them.
 */
public final class FeatureComputer {

    private final BarState bar = new BarState();
    private final StandardFeatures.Blocks blocks;
    private final int[] lookbacks;
    private final int maxLookback;
    private long quoteTime = Long.MIN_VALUE;
    private double quoteSpread = Double.NaN;

    /** Standard features with calendar features in {@code zone}. */
    public FeatureComputer(ZoneId zone) {
        this.blocks = new StandardFeatures.Blocks(zone);
        int width = 0;
        for (FeatureBlock block : blocks.all()) {
            width += block.specs().size();
        }
        this.lookbacks = new int[width];
        int j = 0;
        int longest = 1;
        for (FeatureBlock block : blocks.all()) {
            List<FeatureSpec> specs = block.specs();
            for (FeatureSpec spec : specs) {
                lookbacks[j++] = spec.lookback();
                longest = Math.max(longest, spec.lookback());
            }
        }
        this.maxLookback = longest;
    }

    public int width() {
        return lookbacks.length;
    }

    public long count() {
        return bar.count;
    }

    /** Time of the last bar, nanoseconds since the epoch; meaningless before the first bar. */
    public long lastTime() {
        return bar.time;
    }

    /** Records the latest quote's relative spread; a bar uses it when the quote falls within the bar. */
    public void quote(long time, double relativeSpread) {
        quoteTime = time;
        quoteSpread = relativeSpread;
    }

    /** Takes the next bar and writes every feature into {@code row[0 ... width() - 1]}. */
    public void update(long time, double open, double high, double low, double close, double volume, double[] row) {
        boolean fresh = quoteTime <= time && (bar.count == 0 || quoteTime > bar.time);
        bar.advance(time, open, high, low, close, volume, fresh ? quoteSpread : Double.NaN);
        blocks.update(bar, row);
        long count = bar.count;
        if (count < maxLookback) {
            for (int j = 0; j < lookbacks.length; j++) {
                if (lookbacks[j] > count) {
                    row[j] = Double.NaN;
                }
            }
        }
    }

    /** Forgets every bar and quote. */
    public void reset() {
        bar.clear();
        blocks.reset();
        quoteTime = Long.MIN_VALUE;
        quoteSpread = Double.NaN;
    }
}
