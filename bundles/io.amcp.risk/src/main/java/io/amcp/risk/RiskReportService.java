package io.amcp.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Live risk of the running trading node: value at risk of the open positions from the recent bars
 * the node has seen, exposure, concentration, margin and buying-power usage, the kill switch and the
 * active pre-trade limits. Registered as an OSGi service (the MCP server bundle offers one over
 * {@link LiveRiskReports}); read by the MCP tools and the web console's Risk tab. Thread-safe.
 */
public interface RiskReportService {

    /** A report computed now over the node's current positions. */
    LiveRiskReport report();

    /**
     * Historical-simulation VaR and CVaR (expected shortfall) of the open positions over one bar
     * interval, in account currency, as positive losses.
     *
     * @param confidence confidence level, e.g. 0.95
     * @param var        loss not exceeded with probability {@code confidence}
     * @param cvar       mean loss beyond {@code var}
     */
    record VarFigure(double confidence, double var, double cvar) {
    }

    /**
     * One live risk report.
     *
     * @param time                 when it was computed (the node's clock)
     * @param equity               account equity
     * @param cash                 cash balance
     * @param buyingPower          buying power left
     * @param buyingPowerUsage     share of buying power committed: {@code 1 - buyingPower / (equity x leverage)}
     *                             approximated as gross exposure over (gross exposure + buying power); 0 when flat
     * @param longMarketValue      market value of long positions
     * @param shortMarketValue     market value of short positions (negative)
     * @param grossExposure        long minus short market value
     * @param netExposure          long plus short market value
     * @param grossLeverage        gross exposure over equity (NaN when equity is not positive)
     * @param valueAtRisk          historical VaR/CVaR at 95% and 99%; empty when there is too little history
     * @param historyReturns       number of bar returns the VaR was computed from
     * @param concentration        share of gross exposure per symbol
     * @param herfindahl           Herfindahl index of {@code concentration} (1/n for n equal positions)
     * @param largestWeight        the largest share of one symbol
     * @param initialMargin        Reg-T initial requirement of the positions
     * @param maintenanceMargin    FINRA maintenance requirement of the positions
     * @param marginUsage          initial requirement over margin assets
     * @param maintenanceCall      whether the maintenance requirement exceeds the margin assets
     * @param killSwitchEngaged    whether the kill switch blocks new orders
     * @param killSwitchReason     why it is engaged ("" when released)
     * @param limits               names of the active pre-trade risk rules
     * @param notes                what could not be computed and why
     */
    record LiveRiskReport(Instant time, double equity, double cash, double buyingPower, double buyingPowerUsage,
            double longMarketValue, double shortMarketValue, double grossExposure, double netExposure,
            double grossLeverage, List<VarFigure> valueAtRisk, int historyReturns, Map<String, Double> concentration,
            double herfindahl, double largestWeight, double initialMargin, double maintenanceMargin,
            double marginUsage, boolean maintenanceCall, boolean killSwitchEngaged, String killSwitchReason,
            List<String> limits, List<String> notes) {

        public LiveRiskReport {
            Objects.requireNonNull(time, "time");
            valueAtRisk = List.copyOf(valueAtRisk);
            concentration = Map.copyOf(concentration);
            killSwitchReason = killSwitchReason == null ? "" : killSwitchReason;
            limits = List.copyOf(limits);
            notes = List.copyOf(notes);
        }
    }
}
