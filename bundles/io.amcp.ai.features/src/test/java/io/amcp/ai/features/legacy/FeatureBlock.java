package io.amcp.ai.features.legacy;

import io.amcp.ai.features.FeatureFamily;
import io.amcp.ai.features.FeatureSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of features computed together from shared state. A block declares its features in its
 * constructor, in the order it writes them: {@code row[offset + k]} is its {@code k}-th declared
 * feature. Before a feature's lookback is filled the block may write anything finite or NaN;
 * {@link FeatureComputer} overwrites those cells with NaN.
 */
abstract class FeatureBlock {

    private final List<FeatureSpec> specs = new ArrayList<>();
    int offset;

    final void declare(String name, FeatureFamily family, String formula, int lookback) {
        specs.add(FeatureSpec.of(name, family, formula, lookback));
    }

    final List<FeatureSpec> specs() {
        return specs;
    }

    /** Takes the bar in {@code bar} and writes this block's features into {@code row}. */
    abstract void update(BarState bar, double[] row);

    /** Forgets every bar. */
    abstract void reset();

    static double ratioMinusOne(double numerator, double denominator) {
        return numerator / denominator - 1.0;
    }
}
