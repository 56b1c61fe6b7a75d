package io.amcp.portfolio.internal;

import io.amcp.portfolio.Views;

/** The Black-Litterman master formulas (He and Litterman 1999, equations 8 and 9). */
public final class BlackLittermanModel {

    /** Posterior expected returns and covariance. */
    public record Posterior(double[] returns, double[][] covariance) {
    }

    private BlackLittermanModel() {
    }

    /** {@code pi = delta Sigma w}. */
    public static double[] equilibrium(double[][] covariance, double[] marketWeights, double riskAversion) {
        double[] pi = LinearAlgebra.multiply(covariance, marketWeights);
        for (int i = 0; i < pi.length; i++) {
            pi[i] *= riskAversion;
        }
        return pi;
    }

    /** Posterior of the reference model; {@code views} null means none. */
    public static Posterior posterior(double[][] covariance, double[] marketWeights, double riskAversion,
            double tau, Views views) {
        double[] pi = equilibrium(covariance, marketWeights, riskAversion);
        double[][] tauSigma = LinearAlgebra.scale(covariance, tau);
        if (views == null) {
            return new Posterior(pi, LinearAlgebra.add(covariance, tauSigma, 1));
        }
        double[][] p = views.pick();
        double[][] pt = LinearAlgebra.transpose(p);
        double[][] tauSigmaPt = LinearAlgebra.multiply(tauSigma, pt);
        double[][] middle = LinearAlgebra.add(LinearAlgebra.multiply(p, tauSigmaPt), views.uncertainty(), 1);
        double[] q = views.expected();
        double[] surprise = LinearAlgebra.multiply(p, pi);
        for (int k = 0; k < q.length; k++) {
            surprise[k] = q[k] - surprise[k];
        }
        double[] tilt = LinearAlgebra.multiply(tauSigmaPt, LinearAlgebra.solve(middle, surprise));
        double[] mu = new double[pi.length];
        for (int i = 0; i < pi.length; i++) {
            mu[i] = pi[i] + tilt[i];
        }
        double[][] reduction = LinearAlgebra.multiply(tauSigmaPt,
                LinearAlgebra.solve(middle, LinearAlgebra.transpose(tauSigmaPt)));
        double[][] m = LinearAlgebra.add(tauSigma, reduction, -1);
        double[][] posteriorCovariance = LinearAlgebra.add(covariance, m, 1);
        symmetrise(posteriorCovariance);
        return new Posterior(mu, posteriorCovariance);
    }

    private static void symmetrise(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < i; j++) {
                double avg = (m[i][j] + m[j][i]) / 2;
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
    }
}
