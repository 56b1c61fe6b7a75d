package io.amcp.portfolio;

/**
 * Black-Litterman investor views {@code P mu = Q + e, e ~ N(0, Omega)}: each row of the pick
 * matrix {@code P} combines assets (1 for an absolute view, +1/-1 or cap-weighted for a relative
 * one), {@code Q} is the view's expected return and {@code Omega} its uncertainty.
 *
 * @param pick        {@code P}, one row per view, one column per asset
 * @param expected    {@code Q}, one entry per view
 * @param uncertainty {@code Omega}, symmetric K x K with positive diagonal
 */
public record Views(double[][] pick, double[] expected, double[][] uncertainty) {

    public Views {
        if (pick == null || pick.length == 0 || pick[0] == null) {
            throw new IllegalArgumentException("pick: needs at least one view row; use Views.none for no views");
        }
        pick = Matrices.copyRectangular(pick, "pick", pick[0].length);
        expected = Matrices.copyVector(expected, "expected", pick.length);
        uncertainty = Matrices.copySymmetric(uncertainty, "uncertainty", pick.length);
    }

    /** Validates and copies the views. */
    public static Views of(double[][] pick, double[] expected, double[][] uncertainty) {
        return new Views(pick, expected, uncertainty);
    }

    /**
     * Views whose uncertainty is He and Litterman's (1999) choice
     * {@code Omega = diag(P (tau Sigma) P')}.
     */
    public static Views heLitterman(double[][] pick, double[] expected, double[][] covariance, double tau) {
        double[][] p = Matrices.copyRectangular(pick, "pick", covariance.length);
        double[][] omega = new double[p.length][p.length];
        for (int k = 0; k < p.length; k++) {
            double sum = 0;
            for (int i = 0; i < covariance.length; i++) {
                for (int j = 0; j < covariance.length; j++) {
                    sum += p[k][i] * tau * covariance[i][j] * p[k][j];
                }
            }
            omega[k][k] = sum;
        }
        return new Views(p, expected, omega);
    }

    /** Number of views. */
    public int count() {
        return expected.length;
    }

    @Override
    public double[][] pick() {
        return Matrices.copy(pick);
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    @Override
    public double[][] uncertainty() {
        return Matrices.copy(uncertainty);
    }
}
