package io.amcp.ai.inference;

import java.util.concurrent.CompletableFuture;

/**
 * A loaded model that answers feature rows, registered as an OSGi service with the properties
 * {@value #MODEL_NAME} and {@value #MODEL_VERSION}. For the triple-barrier models of
 * {@code io.amcp.ai.models} the classes are 0 = down, 1 = flat, 2 = up.
 *
 * <p>A row is {@link #sequenceLength()} steps of {@link #stepFeatures()} features, oldest first
 * (one step for all but sequence models such as an LSTM); missing features are NaN. Thread-safe.
 */
public interface Predictor {

    /** Service property: the registered model's name. */
    String MODEL_NAME = "model.name";
    /** Service property: the registered model's version. */
    String MODEL_VERSION = "model.version";

    /** The registered model's name. */
    String modelName();

    /** The registered model's version. */
    int modelVersion();

    /** Model kind, e.g. {@code gradient-boosting} or {@code mlp}. */
    String kind();

    /** Where the model runs, e.g. {@code cpu()} or {@code gpu(0)}. */
    String device();

    /** Number of classes. */
    int classes();

    /** Time steps per row. */
    int sequenceLength();

    /** Features per time step. */
    int stepFeatures();

    /** Length of a row: {@code sequenceLength() * stepFeatures()}. */
    default int features() {
        return sequenceLength() * stepFeatures();
    }

    /**
     * Predicts one row now, on the calling thread.
     *
     * @throws IllegalArgumentException naming {@code features} when the row has the wrong length
     */
    Prediction predict(double[] features);

    /** Predicts many rows in one pass (one forward pass for a network). */
    Prediction[] predict(double[][] rows);

    /**
     * Queues one row; rows queued by any threads are gathered into batches (up to the configured batch
     * size, waiting at most the configured time for a batch to fill) and answered together.
     */
    CompletableFuture<Prediction> submit(double[] features);
}
