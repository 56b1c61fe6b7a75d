package io.amcp.ai.models;

/**
 * A trained classifier: maps a feature row to class probabilities. Implementations are immutable
 * and thread-safe for prediction.
 */
public interface Classifier {

    /** Model family, e.g. {@code random-forest}; names the codec that reads it back. */
    String kind();

    /** Number of features a row must have. */
    int features();

    /** Number of classes. */
    int classes();

    /**
     * Class probabilities of one row: {@code classes()} non-negative values summing to 1.
     *
     * @throws IllegalArgumentException naming {@code x} when its length is not {@link #features()}
     */
    double[] probabilities(double[] x);

    /**
     * Probabilities of many rows; {@code out[i]} receives row {@code i}'s. Implementations that can
     * vectorise (neural networks) override this.
     */
    default void probabilities(double[][] rows, double[][] out) {
        for (int i = 0; i < rows.length; i++) {
            out[i] = probabilities(rows[i]);
        }
    }

    /** The most probable class of one row (the lowest index on ties). */
    default int predict(double[] x) {
        double[] p = probabilities(x);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Relative importance of each feature (non-negative, summing to 1), or an empty array when the
     * model has no notion of it.
     */
    default double[] featureImportance() {
        return new double[0];
    }
}
