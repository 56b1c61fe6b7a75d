package io.amcp.ai.models;

/**
 * Receives training progress: {@code done} of {@code total} steps (trees, boosting rounds, epochs)
 * of a phase such as {@code "random-forest"} or {@code "fold 2/5"}. Called on the training thread.
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores progress. */
    TrainingListener NONE = (phase, done, total) -> { };

    void progress(String phase, long done, long total);
}
