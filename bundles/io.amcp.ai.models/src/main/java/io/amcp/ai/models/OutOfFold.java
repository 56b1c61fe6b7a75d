package io.amcp.ai.models;

import io.amcp.ai.models.validation.Split;
import java.util.Arrays;
import java.util.List;

/**
 * Out-of-sample predictions from cross-validation: every test sample of every split predicted by a
 * model trained on that split's training samples only. Samples never in a test set are left out.
 *
 * @param indices       sample indices, ascending
 * @param actual        their classes
 * @param probabilities their out-of-sample class probabilities
 */
public record OutOfFold(int[] indices, int[] actual, double[][] probabilities) {

    /**
     * Trains {@code trainer} once per split and predicts the split's test samples.
     *
     * @throws IllegalArgumentException naming {@code splits} when a test sample appears twice or a
     *                                  split has no training sample
     */
    public static OutOfFold predict(ModelTrainer trainer, TrainingSet data, List<Split> splits,
            TrainingListener listener) {
        double[][] p = new double[data.size()][];
        int count = 0;
        for (int s = 0; s < splits.size(); s++) {
            Split split = splits.get(s);
            if (split.train().length == 0) {
                throw new IllegalArgumentException("splits: split " + s + " has no training sample");
            }
            Classifier model = trainer.fit(data.subset(split.train()), TrainingListener.NONE);
            for (int i : split.test()) {
                if (p[i] != null) {
                    throw new IllegalArgumentException("splits: sample " + i + " is tested twice");
                }
                p[i] = model.probabilities(data.x(i));
                count++;
            }
            listener.progress(trainer.kind() + " split " + (s + 1) + "/" + splits.size(), s + 1, splits.size());
        }
        int[] indices = new int[count];
        int[] actual = new int[count];
        double[][] probabilities = new double[count][];
        int k = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] != null) {
                indices[k] = i;
                actual[k] = data.y(i);
                probabilities[k] = p[i];
                k++;
            }
        }
        return new OutOfFold(indices, actual, probabilities);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutOfFold f && Arrays.equals(indices, f.indices) && Arrays.equals(actual, f.actual)
                && Arrays.deepEquals(probabilities, f.probabilities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return "OutOfFold[" + indices.length + " samples]";
    }
}
