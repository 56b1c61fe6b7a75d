package io.amcp.portfolio;

/** How {@link MarketEstimates#fromHistory} estimates the covariance matrix from a return history. */
public enum CovarianceEstimator {
    /** The unbiased sample covariance (divisor {@code T - 1}). */
    SAMPLE,
    /**
     * Ledoit and Wolf (2004), "A well-conditioned estimator for large-dimensional covariance
     * matrices": the maximum-likelihood covariance (divisor {@code T}) shrunk towards
     * {@code (trace/N) I} with the asymptotically optimal intensity, as scikit-learn's
     * {@code ledoit_wolf} computes it.
     */
    LEDOIT_WOLF
}
