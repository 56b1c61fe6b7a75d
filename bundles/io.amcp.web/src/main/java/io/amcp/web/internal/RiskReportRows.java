package io.amcp.web.internal;

import io.amcp.risk.RiskReportService;
import io.amcp.risk.RiskReportService.LiveRiskReport;
import io.amcp.risk.RiskReportService.VarFigure;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The live risk report as the console's Risk tab shows it: one measure a row ({@code var_95},
 * {@code cvar_99}, margin, concentration, limits...). Only loaded once a {@link RiskReportService} is
 * bound, so the web bundle works without {@code io.amcp.risk} installed.
 */
public final class RiskReportRows {

    private RiskReportRows() {
    }

    /** The rows of a report from {@code service} now, or empty when it is not a {@link RiskReportService}. */
    public static Optional<Map<String, Object>> of(Object service) {
        return service instanceof RiskReportService s ? Optional.of(rows(s.report())) : Optional.empty();
    }

    /** The report's measures by name, in the order the tab lists them. */
    public static Map<String, Object> rows(LiveRiskReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", r.time().toString());
        for (VarFigure v : r.valueAtRisk()) {
            String level = String.format(Locale.ROOT, "%.0f", v.confidence() * 100);
            out.put("var_" + level, v.var());
            out.put("cvar_" + level, v.cvar());
        }
        out.put("var_history_returns", r.historyReturns());
        out.put("gross_leverage", Double.isFinite(r.grossLeverage()) ? r.grossLeverage() : null);
        out.put("buying_power_usage", r.buyingPowerUsage());
        out.put("largest_weight", r.largestWeight());
        out.put("herfindahl", r.herfindahl());
        out.put("initial_margin", r.initialMargin());
        out.put("maintenance_margin", r.maintenanceMargin());
        out.put("margin_usage", r.marginUsage());
        out.put("maintenance_call", r.maintenanceCall());
        out.put("limits", String.join(", ", r.limits()));
        out.put("notes", String.join("; ", r.notes()));
        return out;
    }
}
