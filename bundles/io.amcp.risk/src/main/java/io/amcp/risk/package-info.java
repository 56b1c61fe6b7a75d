/**
 * Real-time risk analytics: value at risk and expected shortfall (historical, parametric, Monte
 * Carlo), component and marginal VaR, correlation, betas, concentration, exposure, margin, Greeks and
 * stress scenarios ({@link io.amcp.risk.stress}).
 *
 * <p>Entry points: {@link io.amcp.risk.RiskAnalyzer} computes a {@link io.amcp.risk.RiskReport} from a
 * {@link io.amcp.risk.Portfolio}, a {@link io.amcp.risk.ReturnsHistory} and a
 * {@link io.amcp.risk.BenchmarkReturns}; {@link io.amcp.risk.RiskMonitor} recomputes cheaply while
 * prices stream. See {@code docs/risk.md} for conventions.
 */
package io.amcp.risk;
