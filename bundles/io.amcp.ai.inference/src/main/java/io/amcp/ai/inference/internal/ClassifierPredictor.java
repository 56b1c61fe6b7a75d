package io.amcp.ai.inference.internal;

import io.amcp.ai.inference.Prediction;
import io.amcp.ai.inference.Predictor;
import io.amcp.ai.models.Classifier;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Predictor} over a {@link Classifier}. Float networks give probabilities that sum to 1
 * only within float precision; they are rescaled to sum 1 exactly.
 */
public final class ClassifierPredictor implements Predictor, AutoCloseable {

    private final String name;
    private final int version;
    private final Classifier model;
    private final String device;
    private final int sequenceLength;
    private final int maxBatch;
    private final long maxWaitNanos;
    private MicroBatcher batcher;

    public ClassifierPredictor(String name, int version, Classifier model, String device, int sequenceLength,
            int maxBatch, long maxWaitNanos) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch: must be at least 1, got " + maxBatch);
        }
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maxWait: must not be negative, got " + maxWaitNanos);
        }
        this.name = name;
        this.version = version;
        this.model = model;
        this.device = device;
        this.sequenceLength = sequenceLength;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWaitNanos;
    }

    @Override
    public String modelName() {
        return name;
    }

    @Override
    public int modelVersion() {
        return version;
    }

    @Override
    public String kind() {
        return model.kind();
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public int classes() {
        return model.classes();
    }

    @Override
    public int sequenceLength() {
        return sequenceLength;
    }

    @Override
    public int stepFeatures() {
        return model.features() / sequenceLength;
    }

    @Override
    public Prediction predict(double[] features) {
        check(features);
        return new Prediction(MicroBatcher.normalised(model.probabilities(features)));
    }

    @Override
    public Prediction[] predict(double[][] rows) {
        for (double[] row : rows) {
            check(row);
        }
        double[][] out = new double[rows.length][];
        model.probabilities(rows, out);
        Prediction[] answers = new Prediction[rows.length];
        for (int i = 0; i < rows.length; i++) {
            answers[i] = new Prediction(MicroBatcher.normalised(out[i]));
        }
        return answers;
    }

    @Override
    public CompletableFuture<Prediction> submit(double[] features) {
        check(features);
        return batcher().submit(features);
    }

    private synchronized MicroBatcher batcher() {
        if (batcher == null) {
            batcher = new MicroBatcher(model, maxBatch, maxWaitNanos, name);
        }
        return batcher;
    }

    private void check(double[] features) {
        if (features == null || features.length != model.features()) {
            throw new IllegalArgumentException("features: expected " + model.features() + " values, got "
                    + (features == null ? "null" : String.valueOf(features.length)));
        }
    }

    @Override
    public synchronized void close() {
        if (batcher != null) {
            batcher.close();
            batcher = null;
        }
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("predictor " + name + ": cannot close the model: " + e.getMessage(), e);
            }
        }
    }
}
