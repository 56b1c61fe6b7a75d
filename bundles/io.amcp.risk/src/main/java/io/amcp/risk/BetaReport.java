package io.amcp.risk;

import io.amcp.api.model.InstrumentId;
import java.util.Map;

/**
 * Betas to a benchmark: {@code cov(r, b) / var(b)} over the returns history (the OLS slope of the
 * asset's returns on the benchmark's).
 *
 * @param benchmark      benchmark name
 * @param assetBetas     beta of each asset of the returns history
 * @param betaDollars    beta-weighted dollar exposure {@code Σ exposure_i * beta_i}: the P&L of a
 *                       +100% benchmark move to first order
 * @param portfolioBeta  {@code betaDollars / net dollar delta exposure}; NaN when the net exposure is zero
 */
public record BetaReport(String benchmark, Map<InstrumentId, Double> assetBetas, double betaDollars,
        double portfolioBeta) {

    public BetaReport {
        assetBetas = Map.copyOf(assetBetas);
    }
}
