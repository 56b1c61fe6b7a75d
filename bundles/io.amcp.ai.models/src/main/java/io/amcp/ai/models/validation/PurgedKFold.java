package io.amcp.ai.models.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Purged k-fold cross-validation with an embargo (M. Lopez de Prado, <i>Advances in Financial
 * Machine Learning</i>, 2018, sections 7.4.1 to 7.4.3). The samples are cut into {@code k} contiguous
 * test folds (sizes differ by at most one, the first folds larger). For a test fold whose label
 * windows span bars {@code [a, b]} ({@code a} = the first test window's start, {@code b} = the latest
 * test window's end):
 * <ul>
 *   <li>purging drops every other sample whose window overlaps {@code [a, b]};</li>
 *   <li>the embargo also drops every sample after the fold whose window starts in
 *       {@code (b, b + embargoBars]}, since its features may still be correlated with the test labels.</li>
 * </ul>
 * Every remaining sample trains. No training label window then shares a bar with a test label window.
 *
 * @param folds       number of folds, at least 2
 * @param embargoBars bars after the test span whose samples are also dropped, not negative
 */
public record PurgedKFold(int folds, int embargoBars) {

    public PurgedKFold {
        if (folds < 2) {
            throw new IllegalArgumentException("folds: must be at least 2, got " + folds);
        }
        if (embargoBars < 0) {
            throw new IllegalArgumentException("embargoBars: must not be negative, got " + embargoBars);
        }
    }

    /** A purged k-fold; see the record components. */
    public static PurgedKFold of(int folds, int embargoBars) {
        return new PurgedKFold(folds, embargoBars);
    }

    /**
     * The {@code folds} splits, in fold order.
     *
     * @throws IllegalArgumentException naming {@code windows} when there are fewer samples than folds
     */
    public List<Split> splits(LabelWindows windows) {
        int n = windows.size();
        if (n < folds) {
            throw new IllegalArgumentException("windows: " + n + " samples cannot make " + folds + " folds");
        }
        List<Split> out = new ArrayList<>(folds);
        int from = 0;
        for (int f = 0; f < folds; f++) {
            int size = n / folds + (f < n % folds ? 1 : 0);
            int to = from + size;
            out.add(split(windows, from, to));
            from = to;
        }
        return out;
    }

    private Split split(LabelWindows w, int testFrom, int testTo) {
        int spanStart = w.startOf(testFrom);
        int spanEnd = Integer.MIN_VALUE;
        for (int i = testFrom; i < testTo; i++) {
            spanEnd = Math.max(spanEnd, w.endOf(i));
        }
        long embargoEnd = (long) spanEnd + embargoBars;
        int[] test = new int[testTo - testFrom];
        for (int i = testFrom; i < testTo; i++) {
            test[i - testFrom] = i;
        }
        int[] train = new int[w.size()];
        int count = 0;
        for (int i = 0; i < w.size(); i++) {
            if (i >= testFrom && i < testTo) {
                continue;
            }
            if (w.overlaps(i, spanStart, spanEnd)) {
                continue;
            }
            if (i >= testTo && w.startOf(i) > spanEnd && w.startOf(i) <= embargoEnd) {
                continue;
            }
            train[count++] = i;
        }
        return Split.of(Arrays.copyOf(train, count), test);
    }
}
