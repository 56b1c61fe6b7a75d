package io.amcp.portfolio;

/** Thrown when no weight vector satisfies the constraints, or the solver could not find one. */
public final class InfeasiblePortfolioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InfeasiblePortfolioException(String message) {
        super(message);
    }
}
