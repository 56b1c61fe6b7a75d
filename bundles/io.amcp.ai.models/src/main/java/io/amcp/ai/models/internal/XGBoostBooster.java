package io.amcp.ai.models.internal;

import java.io.IOException;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Every call into XGBoost's Java API (ml.dmlc.xgboost4j.java) is here, so that the models bundle
 * loads and its other models work when XGBoost is not installed. XGBoost's native library is
 * extracted from its jar to a temporary file by its own {@code NativeLibLoader} on first use. The
 * native booster is freed by XGBoost's own finaliser when the model is garbage collected.
 */
public final class XGBoostBooster {

    /** Format of the model bytes: XGBoost's Universal Binary JSON. */
    public static final String FORMAT = "ubj";

    private final Booster booster;
    private final int features;

    private XGBoostBooster(Booster booster, int features) {
        this.booster = booster;
        this.features = features;
    }

    /** Trains {@code rounds} rounds on dense rows; {@code perRound} is told each finished round. */
    public static XGBoostBooster train(double[][] x, int[] y, int features, Map<String, Object> params, int rounds,
            java.util.function.IntConsumer perRound) {
        int n = x.length;
        float[] dense = dense(x, features);
        float[] label = new float[n];
        for (int i = 0; i < n; i++) {
            label[i] = y[i];
        }
        DMatrix train = null;
        try {
            train = new DMatrix(dense, n, features, Float.NaN);
            train.setLabel(label);
            Booster booster = XGBoost.train(train, params, 0, Map.of(), null, null);
            for (int round = 0; round < rounds; round++) {
                booster.update(train, round);
                perRound.accept(round + 1);
            }
            return new XGBoostBooster(booster, features);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }

    /** A booster from model bytes in {@link #FORMAT} (or XGBoost's JSON). */
    public static XGBoostBooster load(byte[] model, int features) {
        try {
            return new XGBoostBooster(XGBoost.loadModel(model), features);
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("bytes: not an XGBoost model: " + e.getMessage(), e);
        }
    }

    /** The model in XGBoost's own format ({@link #FORMAT}). */
    public byte[] modelBytes() {
        try {
            return booster.toByteArray(FORMAT);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not save the model: " + e.getMessage(), e);
        }
    }

    /** Total gain of the splits on each feature (0 for features never split on). */
    public double[] totalGain() {
        String[] names = new String[features];
        for (int f = 0; f < features; f++) {
            names[f] = "f" + f;
        }
        double[] out = new double[features];
        try {
            for (Map.Entry<String, Double> e : booster.getScore(names, "total_gain").entrySet()) {
                out[Integer.parseInt(e.getKey().substring(1))] = e.getValue();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost feature scores failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Class probabilities of each row ({@code multi:softprob} output). */
    public float[][] predict(double[][] rows) {
        try {
            return booster.inplace_predict(dense(rows, features), rows.length, features, Float.NaN);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    private static float[] dense(double[][] x, int features) {
        float[] out = new float[x.length * features];
        for (int i = 0; i < x.length; i++) {
            for (int f = 0; f < features; f++) {
                out[i * features + f] = (float) x[i][f];
            }
        }
        return out;
    }
}
