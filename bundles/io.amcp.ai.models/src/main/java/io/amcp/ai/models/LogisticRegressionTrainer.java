package io.amcp.ai.models;

import io.amcp.ai.models.internal.LinearModel;
import io.amcp.ai.models.internal.Models;
import io.amcp.ai.models.internal.Standardizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multinomial logistic regression with an L2 penalty on standardised features, fitted by full-batch
 * gradient descent on the mean cross-entropy {@code -1/n sum ln p_(y_i)(x_i) + l2 / 2 * |W|^2}.
 *
 * @param l2           L2 penalty on the weights (not the biases), not negative
 * @param epochs       gradient steps, at least 1
 * @param learningRate step size, positive
 */
public record LogisticRegressionTrainer(double l2, int epochs, double learningRate) implements ModelTrainer {

    public LogisticRegressionTrainer {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2: must be finite and not negative, got " + l2);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: must be at least 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate: must be positive, got " + learningRate);
        }
    }

    /** L2 0.01, 300 steps of 0.5. */
    public static LogisticRegressionTrainer defaults() {
        return new LogisticRegressionTrainer(0.01, 300, 0.5);
    }

    @Override
    public String kind() {
        return LinearModel.KIND;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("l2", Double.toString(l2));
        p.put("epochs", Integer.toString(epochs));
        p.put("learningRate", Double.toString(learningRate));
        return p;
    }

    @Override
    public Classifier fit(TrainingSet data, TrainingListener listener) {
        int n = Models.samples(data);
        int k = data.classes();
        int d = data.features();
        Standardizer standardizer = Standardizer.fit(data.rows());
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            standardizer.apply(data.x(i), z[i]);
        }
        double[][] w = new double[k][d];
        double[] b = new double[k];
        double[][] gw = new double[k][d];
        double[] gb = new double[k];
        double[] score = new double[k];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int c = 0; c < k; c++) {
                Arrays.fill(gw[c], 0.0);
            }
            Arrays.fill(gb, 0.0);
            for (int i = 0; i < n; i++) {
                double[] zi = z[i];
                for (int c = 0; c < k; c++) {
                    double s = b[c];
                    for (int f = 0; f < d; f++) {
                        s += w[c][f] * zi[f];
                    }
                    score[c] = s;
                }
                double[] p = Models.softmax(score);
                for (int c = 0; c < k; c++) {
                    double g = p[c] - (data.y(i) == c ? 1.0 : 0.0);
                    gb[c] += g;
                    double[] gwc = gw[c];
                    for (int f = 0; f < d; f++) {
                        gwc[f] += g * zi[f];
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                b[c] -= learningRate * gb[c] / n;
                for (int f = 0; f < d; f++) {
                    w[c][f] -= learningRate * (gw[c][f] / n + l2 * w[c][f]);
                }
            }
            listener.progress(LinearModel.KIND, epoch + 1, epochs);
        }
        return new LinearModel(standardizer, w, b);
    }
}
