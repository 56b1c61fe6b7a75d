package io.amcp.portfolio;

import io.amcp.portfolio.internal.BlackLittermanModel;
import java.util.Optional;

/**
 * The Black-Litterman reference model (Black and Litterman 1992, He and Litterman 1999):
 * equilibrium returns {@code pi = delta Sigma w_mkt}, blended with optional views into posterior
 * returns {@code mu = pi + tau Sigma P' (P tau Sigma P' + Omega)^-1 (Q - P pi)} and posterior
 * covariance {@code Sigma + M}, {@code M = tau Sigma - tau Sigma P' (P tau Sigma P' + Omega)^-1 P tau Sigma}.
 *
 * @param marketWeights capitalisation weights of the universe
 * @param riskAversion  {@code delta}, e.g. 2.5
 * @param tau           scale of the prior's uncertainty, e.g. 0.05
 * @param views         the investor's views, empty for none
 */
public record BlackLitterman(double[] marketWeights, double riskAversion, double tau, Optional<Views> views) {

    public BlackLitterman {
        if (marketWeights == null || marketWeights.length == 0) {
            throw new IllegalArgumentException("marketWeights: must not be empty");
        }
        marketWeights = Matrices.copyVector(marketWeights, "marketWeights", marketWeights.length);
        if (!(riskAversion > 0) || Double.isInfinite(riskAversion)) {
            throw new IllegalArgumentException("riskAversion: must be positive and finite, was " + riskAversion);
        }
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau: must be positive and finite, was " + tau);
        }
        java.util.Objects.requireNonNull(views, "views");
        if (views.isPresent() && views.get().pick()[0].length != marketWeights.length) {
            throw new IllegalArgumentException("views: pick matrix has " + views.get().pick()[0].length
                    + " columns, expected one per asset (" + marketWeights.length + ")");
        }
    }

    /** A model with views. */
    public static BlackLitterman of(double[] marketWeights, double riskAversion, double tau, Views views) {
        return new BlackLitterman(marketWeights, riskAversion, tau, Optional.of(views));
    }

    /** A model without views: the posterior returns are the equilibrium returns. */
    public static BlackLitterman withoutViews(double[] marketWeights, double riskAversion, double tau) {
        return new BlackLitterman(marketWeights, riskAversion, tau, Optional.empty());
    }

    @Override
    public double[] marketWeights() {
        return marketWeights.clone();
    }

    /** Equilibrium (implied) returns {@code pi = delta Sigma w_mkt} under {@code prior}'s covariance. */
    public double[] equilibriumReturns(MarketEstimates prior) {
        checkSize(prior);
        return BlackLittermanModel.equilibrium(prior.covariance(), marketWeights, riskAversion);
    }

    /**
     * Posterior estimates: posterior expected returns and the posterior covariance {@code Sigma + M}.
     * The prior's own expected returns are not used.
     */
    public MarketEstimates posterior(MarketEstimates prior) {
        checkSize(prior);
        BlackLittermanModel.Posterior p = BlackLittermanModel.posterior(prior.covariance(), marketWeights,
                riskAversion, tau, views.orElse(null));
        return MarketEstimates.of(prior.universe(), p.returns(), p.covariance());
    }

    private void checkSize(MarketEstimates prior) {
        if (prior.universe().size() != marketWeights.length) {
            throw new IllegalArgumentException("marketWeights: " + marketWeights.length
                    + " entries for a universe of " + prior.universe().size());
        }
    }
}
