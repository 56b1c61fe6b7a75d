package io.amcp.ai.models;

import io.amcp.ai.models.internal.Models;
import io.amcp.ai.models.internal.XGBoostBooster;
import java.util.Objects;

/**
 * A gradient-boosted tree model trained by XGBoost ({@link XGBoostTrainer}). It keeps XGBoost's own
 * model bytes (Universal Binary JSON, as {@code Booster.toByteArray("ubj")} writes them), which is
 * what {@link ModelCodec} stores in the registry; the native booster is loaded from them on the
 * first prediction. Thread-safe: XGBoost's in-place prediction may be called concurrently.
 *
 * <p>A {@link Double#NaN} feature is XGBoost's "missing" value: it follows each split's learned
 * default direction.
 */
public final class XGBoostModel implements Classifier {

    /** The kind name of XGBoost models. */
    public static final String KIND = "xgboost";

    private final byte[] model;
    private final int features;
    private final int classes;
    private final double[] importance;
    private volatile XGBoostBooster booster;

    /**
     * @param model      XGBoost model bytes (UBJSON or JSON) of a {@code multi:softprob} model
     * @param features   features per row, at least 1
     * @param classes    number of classes, at least 2
     * @param importance total split gain per feature, normalised to sum 1 (or all zero)
     * @throws IllegalArgumentException naming the field at fault
     */
    public XGBoostModel(byte[] model, int features, int classes, double[] importance) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(importance, "importance");
        if (features < 1) {
            throw new IllegalArgumentException("features: must be at least 1, got " + features);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes: must be at least 2, got " + classes);
        }
        if (importance.length != features) {
            throw new IllegalArgumentException("importance: " + importance.length + " values for " + features + " features");
        }
        this.model = model.clone();
        this.features = features;
        this.classes = classes;
        this.importance = importance.clone();
    }

    XGBoostModel(XGBoostBooster trained, int features, int classes) {
        this(trained.modelBytes(), features, classes, Models.normalise(trained.totalGain()));
        this.booster = trained;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public int classes() {
        return classes;
    }

    /** XGBoost's model bytes (a copy). */
    public byte[] modelBytes() {
        return model.clone();
    }

    @Override
    public double[] probabilities(double[] x) {
        Models.checkRow(x, features);
        double[][] out = new double[1][];
        probabilities(new double[][] {x}, out);
        return out[0];
    }

    @Override
    public void probabilities(double[][] rows, double[][] out) {
        for (double[] row : rows) {
            Models.checkRow(row, features);
        }
        if (rows.length == 0) {
            return;
        }
        float[][] p = booster().predict(rows);
        for (int i = 0; i < rows.length; i++) {
            double[] pi = new double[classes];
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                pi[c] = p[i][c];
                sum += pi[c];
            }
            // XGBoost computes the softmax in float: rescale so the doubles sum to 1
            for (int c = 0; c < classes; c++) {
                pi[c] /= sum;
            }
            out[i] = pi;
        }
    }

    @Override
    public double[] featureImportance() {
        return importance.clone();
    }

    private XGBoostBooster booster() {
        XGBoostBooster b = booster;
        if (b == null) {
            synchronized (this) {
                b = booster;
                if (b == null) {
                    b = XGBoostBooster.load(model, features);
                    booster = b;
                }
            }
        }
        return b;
    }
}
