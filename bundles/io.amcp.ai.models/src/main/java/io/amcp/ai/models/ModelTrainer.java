package io.amcp.ai.models;

import java.util.Map;

/** Fits one kind of {@link Classifier} with fixed hyper-parameters. */
public interface ModelTrainer {

    /** The kind of classifier this trainer produces. */
    String kind();

    /** Hyper-parameters as text, recorded in the model registry. */
    Map<String, String> parameters();

    /**
     * Trains on every sample of {@code data}.
     *
     * @param listener receives progress; {@link TrainingListener#NONE} for none
     */
    Classifier fit(TrainingSet data, TrainingListener listener);
}
