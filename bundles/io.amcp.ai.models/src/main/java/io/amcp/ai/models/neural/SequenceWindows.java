package io.amcp.ai.models.neural;

import io.amcp.ai.models.TrainingSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a training set into sequences for an LSTM: sample {@code i} (from {@code length - 1} on)
 * becomes the concatenated rows of samples {@code i - length + 1 ... i}, oldest first, with sample
 * {@code i}'s class and label window except that the window starts at the oldest step's bar.
 */
public final class SequenceWindows {

    private SequenceWindows() {
    }

    /**
     * @throws IllegalArgumentException naming {@code length} when not positive or longer than the data
     */
    public static TrainingSet of(TrainingSet data, int length) {
        if (length < 1 || length > data.size()) {
            throw new IllegalArgumentException("length: must be in [1, " + data.size() + "], got " + length);
        }
        int d = data.features();
        int n = data.size() - length + 1;
        double[][] x = new double[n][length * d];
        int[] y = new int[n];
        int[] start = new int[n];
        int[] end = new int[n];
        long[] time = new long[n];
        for (int k = 0; k < n; k++) {
            int i = k + length - 1;
            for (int s = 0; s < length; s++) {
                System.arraycopy(data.x(i - length + 1 + s), 0, x[k], s * d, d);
            }
            y[k] = data.y(i);
            start[k] = data.labelStart(i - length + 1);
            end[k] = Math.max(data.labelEnd(i), start[k]);
            time[k] = data.time(i);
        }
        List<String> names = new ArrayList<>(length * d);
        for (int s = length - 1; s >= 0; s--) {
            for (String name : data.featureNames()) {
                names.add(s == 0 ? name : name + "_lag" + s);
            }
        }
        return TrainingSet.of(x, y, start, end, time, names, data.classes());
    }
}
