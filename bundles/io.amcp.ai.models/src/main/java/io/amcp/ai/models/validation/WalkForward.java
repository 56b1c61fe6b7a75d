package io.amcp.ai.models.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walk-forward splits: train on the past, test on the block that follows, step forward by the test
 * size. The first test block starts after {@code minTrain} samples; with {@code maxTrain > 0} the
 * training window rolls (at most {@code maxTrain} samples), otherwise it expands from the start.
 * Training samples whose label window reaches into the test block's first bar or later are purged,
 * so no training label is decided by a bar the test period covers; {@code embargoBars} purges further
 * back (labels that end within that many bars before the test block).
 *
 * @param minTrain    samples before the first test block, at least 1
 * @param testSize    samples per test block, at least 1
 * @param maxTrain    rolling training window in samples, 0 for an expanding window
 * @param embargoBars extra bars between the last training label and the test block, not negative
 */
public record WalkForward(int minTrain, int testSize, int maxTrain, int embargoBars) {

    public WalkForward {
        if (minTrain < 1) {
            throw new IllegalArgumentException("minTrain: must be at least 1, got " + minTrain);
        }
        if (testSize < 1) {
            throw new IllegalArgumentException("testSize: must be at least 1, got " + testSize);
        }
        if (maxTrain < 0) {
            throw new IllegalArgumentException("maxTrain: must not be negative, got " + maxTrain);
        }
        if (embargoBars < 0) {
            throw new IllegalArgumentException("embargoBars: must not be negative, got " + embargoBars);
        }
    }

    /** Walk-forward splits; see the record components. */
    public static WalkForward of(int minTrain, int testSize, int maxTrain, int embargoBars) {
        return new WalkForward(minTrain, testSize, maxTrain, embargoBars);
    }

    /** The splits in time order; the last test block may be shorter. Empty when there is no test sample. */
    public List<Split> splits(LabelWindows windows) {
        int n = windows.size();
        List<Split> out = new ArrayList<>();
        for (int testFrom = minTrain; testFrom < n; testFrom += testSize) {
            int testTo = Math.min(n, testFrom + testSize);
            int firstTestBar = windows.startOf(testFrom);
            int trainFrom = maxTrain > 0 ? Math.max(0, testFrom - maxTrain) : 0;
            int[] train = new int[testFrom - trainFrom];
            int count = 0;
            for (int i = trainFrom; i < testFrom; i++) {
                if ((long) windows.endOf(i) + embargoBars < firstTestBar) {
                    train[count++] = i;
                }
            }
            int[] test = new int[testTo - testFrom];
            for (int i = testFrom; i < testTo; i++) {
                test[i - testFrom] = i;
            }
            out.add(Split.of(Arrays.copyOf(train, count), test));
        }
        return out;
    }
}
