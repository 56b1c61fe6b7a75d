package io.amcp.risk.stress;

import java.util.List;

/**
 * The outcome of one stress scenario.
 *
 * @param scenario  scenario name
 * @param positions P&L of each position, in portfolio order
 * @param totalPnl  sum of the position P&Ls
 * @param pnlOfEquity total P&L over equity before the shock; NaN when equity is not positive
 */
public record StressResult(String scenario, List<PositionPnl> positions, double totalPnl, double pnlOfEquity) {

    public StressResult {
        positions = List.copyOf(positions);
    }
}
