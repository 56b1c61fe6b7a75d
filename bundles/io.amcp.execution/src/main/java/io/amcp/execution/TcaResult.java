package io.amcp.execution;

import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import java.util.List;

/**
 * The costs of one parent order. Basis points are costs: positive when the execution was worse than
 * the benchmark for the parent's side (paid more on a buy, received less on a sell).
 *
 * @param parent          the parent order
 * @param owner           the strategy (or user) that sent it
 * @param state           the parent's final or current state
 * @param filled          quantity executed
 * @param averagePrice    volume-weighted execution price (null when nothing filled)
 * @param arrivalPrice    last price when the parent started (null when none was known)
 * @param marketVwap      market VWAP over the parent's life (null before market data)
 * @param shortfallBps    implementation shortfall of the filled quantity against the arrival price
 * @param vwapSlippageBps average price against the market VWAP
 * @param impactBps       square-root market impact estimate (see {@link TransactionCostAnalysis#impactBps})
 * @param fees            commissions and fees
 * @param feesBps         fees over executed notional
 * @param fills           the children's executions, in time order
 */
public record TcaResult(ParentOrder parent, StrategyId owner, String state, Quantity filled, Price averagePrice,
        Price arrivalPrice, Price marketVwap, double shortfallBps, double vwapSlippageBps, double impactBps, Money fees,
        double feesBps, List<ChildFill> fills) {

    public TcaResult {
        fills = List.copyOf(fills);
    }

    /** Executed notional (quantity x average price). */
    public double notional() {
        return averagePrice == null ? 0 : filled.toDouble() * averagePrice.toDouble();
    }
}
