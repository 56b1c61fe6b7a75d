package io.amcp.ai.models;

import java.util.Objects;

/**
 * Out-of-sample quality of class predictions: accuracy, mean log loss, the confusion matrix
 * ({@code confusion[actual][predicted]}), and per-class precision and recall (NaN where undefined).
 *
 * @param accuracy  share of rows whose most probable class is the actual one
 * @param logLoss   mean {@code -ln p_actual}, probabilities clipped to {@code [1e-15, 1]}
 * @param confusion counts by actual (row) and predicted (column) class
 * @param precision per predicted class: correct / predicted
 * @param recall    per actual class: correct / actual
 */
public record ClassificationMetrics(double accuracy, double logLoss, int[][] confusion, double[] precision,
        double[] recall) {

    /**
     * Scores probabilities against actual classes.
     *
     * @throws IllegalArgumentException naming {@code probabilities} when the lengths differ or are 0
     */
    public static ClassificationMetrics of(int[] actual, double[][] probabilities, int classes) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(probabilities, "probabilities");
        if (actual.length != probabilities.length || actual.length == 0) {
            throw new IllegalArgumentException("probabilities: " + probabilities.length + " rows for " + actual.length
                    + " actual classes (must be equal and positive)");
        }
        int[][] confusion = new int[classes][classes];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            double[] p = probabilities[i];
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            confusion[actual[i]][best]++;
            if (best == actual[i]) {
                correct++;
            }
            loss -= Math.log(Math.max(1e-15, Math.min(1.0, p[actual[i]])));
        }
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        for (int c = 0; c < classes; c++) {
            int predicted = 0;
            int actualCount = 0;
            for (int o = 0; o < classes; o++) {
                predicted += confusion[o][c];
                actualCount += confusion[c][o];
            }
            precision[c] = predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
            recall[c] = actualCount == 0 ? Double.NaN : (double) confusion[c][c] / actualCount;
        }
        return new ClassificationMetrics((double) correct / actual.length, loss / actual.length, confusion, precision,
                recall);
    }

    /** Log loss of always predicting the class frequencies of {@code actual} (the no-skill reference). */
    public static double priorLogLoss(int[] actual, int classes) {
        double[] freq = new double[classes];
        for (int a : actual) {
            freq[a]++;
        }
        double loss = 0;
        for (int a : actual) {
            loss -= Math.log(freq[a] / actual.length);
        }
        return loss / actual.length;
    }
}
