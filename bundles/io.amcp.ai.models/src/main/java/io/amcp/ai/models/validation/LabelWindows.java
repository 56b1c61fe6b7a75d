package io.amcp.ai.models.validation;

import io.amcp.ai.models.TrainingSet;
import java.util.Objects;

/**
 * The label windows {@code [start(i), end(i)]} (bar indices, inclusive) of samples in time order:
 * what purging and embargo look at.
 *
 * @param start first bar of each label window, non-decreasing
 * @param end   last bar of each label window, at least its start
 */
public record LabelWindows(int[] start, int[] end) {

    public LabelWindows {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.length != end.length) {
            throw new IllegalArgumentException("end: " + end.length + " windows, start has " + start.length);
        }
        for (int i = 0; i < start.length; i++) {
            if (end[i] < start[i]) {
                throw new IllegalArgumentException("end: " + end[i] + " before start " + start[i] + " at " + i);
            }
            if (i > 0 && start[i] < start[i - 1]) {
                throw new IllegalArgumentException("start: not in time order at " + i);
            }
        }
        start = start.clone();
        end = end.clone();
    }

    /** Windows from explicit bounds. */
    public static LabelWindows of(int[] start, int[] end) {
        return new LabelWindows(start, end);
    }

    /** The windows of a training set's samples. */
    public static LabelWindows of(TrainingSet data) {
        int n = data.size();
        int[] s = new int[n];
        int[] e = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = data.labelStart(i);
            e[i] = data.labelEnd(i);
        }
        return new LabelWindows(s, e);
    }

    /** Number of samples. */
    public int size() {
        return start.length;
    }

    /** Whether sample {@code i}'s window overlaps the bar interval {@code [from, to]}. */
    public boolean overlaps(int i, int from, int to) {
        return start[i] <= to && end[i] >= from;
    }

    int startOf(int i) {
        return start[i];
    }

    int endOf(int i) {
        return end[i];
    }
}
