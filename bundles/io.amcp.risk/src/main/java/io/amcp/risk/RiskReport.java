package io.amcp.risk;

import io.amcp.api.model.InstrumentId;
import io.amcp.risk.stress.StressResult;
import java.util.List;

/**
 * Every risk measure of one portfolio at one set of prices: what the web console, the MCP
 * {@code get_risk_report} tool and risk rules read. One-day horizon; money in the portfolio's
 * currency; losses positive.
 *
 * @param equity              cash plus net market value
 * @param exposure            long/short/gross/net market value
 * @param margin              margin requirements and usage
 * @param projectedExposure   exposure if every pending order filled (equal to {@code exposure} without orders)
 * @param projectedMargin     margin if every pending order filled
 * @param projectedVar        parametric VaR/CVaR at each confidence level if every pending order filled
 * @param valueAtRisk         VaR/CVaR by every method at every confidence level
 * @param componentVar        Euler allocation of the parametric VaR per asset at every confidence level
 * @param correlation         correlation of the assets' returns
 * @param beta                betas to the benchmark
 * @param symbolConcentration gross market value by symbol
 * @param sectorConcentration gross market value by sector
 * @param greeks              Greeks summed over positions
 * @param stress              P&L under each configured stress scenario
 */
public record RiskReport(double equity, Exposure exposure, MarginUsage margin, Exposure projectedExposure,
        MarginUsage projectedMargin, List<VarEstimate> projectedVar, List<VarEstimate> valueAtRisk,
        List<ComponentVar> componentVar, CorrelationMatrix correlation, BetaReport beta,
        Concentration<InstrumentId> symbolConcentration, Concentration<String> sectorConcentration,
        AggregatedGreeks greeks, List<StressResult> stress) {

    public RiskReport {
        projectedVar = List.copyOf(projectedVar);
        valueAtRisk = List.copyOf(valueAtRisk);
        componentVar = List.copyOf(componentVar);
        stress = List.copyOf(stress);
    }

    /** The estimate of {@code method} at {@code confidence}. */
    public VarEstimate var(VarMethod method, double confidence) {
        return valueAtRisk.stream().filter(v -> v.method() == method && v.confidence() == confidence).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("confidence: no " + method + " estimate at "
                        + confidence));
    }

    /** The result of the stress scenario called {@code scenario}. */
    public StressResult stress(String scenario) {
        return stress.stream().filter(s -> s.scenario().equals(scenario)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("scenario: not in this report: " + scenario));
    }
}
