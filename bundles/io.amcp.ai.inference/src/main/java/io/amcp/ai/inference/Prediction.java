package io.amcp.ai.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * A model's answer for one feature row: the class probabilities, the most probable class and its
 * probability as the confidence.
 *
 * @param probabilities one per class, non-negative, summing to 1 (within 1e-6)
 */
public record Prediction(double[] probabilities) {

    public Prediction {
        Objects.requireNonNull(probabilities, "probabilities");
        if (probabilities.length < 2) {
            throw new IllegalArgumentException("probabilities: at least 2 classes, got " + probabilities.length);
        }
        double sum = 0;
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1 + 1e-9)) {
                throw new IllegalArgumentException("probabilities: each must be in [0, 1], got "
                        + Arrays.toString(probabilities));
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-5) {
            throw new IllegalArgumentException("probabilities: must sum to 1, sum to " + sum);
        }
        probabilities = probabilities.clone();
    }

    /** A prediction from class probabilities. */
    public static Prediction of(double... probabilities) {
        return new Prediction(probabilities);
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** Probability of class {@code c}. */
    public double probability(int c) {
        return probabilities[c];
    }

    /** Number of classes. */
    public int classes() {
        return probabilities.length;
    }

    /** The most probable class (the lowest index on ties). */
    public int predictedClass() {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The probability of the most probable class. */
    public double confidence() {
        return probabilities[predictedClass()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && Arrays.equals(probabilities, p.probabilities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "Prediction" + Arrays.toString(probabilities);
    }
}
