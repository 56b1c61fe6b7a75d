package io.amcp.ai.models.internal;

import io.amcp.ai.models.Classifier;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Multinomial logistic regression on standardised features: {@code p = softmax(W z + b)}. */
public final class LinearModel implements Classifier {

    public static final String KIND = "logistic-regression";

    private final Standardizer standardizer;
    private final double[][] weights;
    private final double[] bias;

    public LinearModel(Standardizer standardizer, double[][] weights, double[] bias) {
        this.standardizer = standardizer;
        this.weights = weights;
        this.bias = bias.clone();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int features() {
        return standardizer.features();
    }

    @Override
    public int classes() {
        return bias.length;
    }

    @Override
    public double[] probabilities(double[] x) {
        Models.checkRow(x, features());
        double[] z = new double[x.length];
        standardizer.apply(x, z);
        double[] score = new double[bias.length];
        for (int c = 0; c < bias.length; c++) {
            double s = bias[c];
            double[] w = weights[c];
            for (int f = 0; f < z.length; f++) {
                s += w[f] * z[f];
            }
            score[c] = s;
        }
        return Models.softmax(score);
    }

    /** Importance: the mean absolute standardised weight of each feature across classes, normalised. */
    @Override
    public double[] featureImportance() {
        double[] out = new double[features()];
        for (double[] w : weights) {
            for (int f = 0; f < out.length; f++) {
                out[f] += Math.abs(w[f]);
            }
        }
        return Models.normalise(out);
    }

    void write(DataOutputStream out) throws IOException {
        standardizer.write(out);
        Models.writeArray(out, bias);
        for (double[] w : weights) {
            Models.writeArray(out, w);
        }
    }

    static LinearModel read(DataInputStream in) throws IOException {
        Standardizer s = Standardizer.read(in);
        double[] bias = Models.readArray(in);
        double[][] w = new double[bias.length][];
        for (int c = 0; c < bias.length; c++) {
            w[c] = Models.readArray(in);
        }
        return new LinearModel(s, w, bias);
    }
}
