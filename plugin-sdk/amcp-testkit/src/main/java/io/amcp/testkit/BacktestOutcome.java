package io.amcp.testkit;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.backtest.BacktestRun;
import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.Trade;
import io.amcp.backtest.report.BacktestResult;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link BacktestHarness#run} produced: the kernel's raw record, the report the platform
 * would write for it, and every order event the strategy was told about.
 *
 * @param run         the kernel's raw record (fills, equity samples, final account)
 * @param result      the platform's backtest report: metrics, round trips, equity curve
 * @param orderEvents every order event delivered to the strategy, in order (denials included)
 */
public record BacktestOutcome(BacktestRun run, BacktestResult result, List<OrderEvent> orderEvents) {

    public BacktestOutcome {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(result, "result");
        orderEvents = List.copyOf(orderEvents);
    }

    /** Every fill, in order. */
    public List<OrderFilled> fills() {
        return run.fills();
    }

    /** Round trips built from the fills: closed ones first, then the ones still open at the end. */
    public List<Trade> trades() {
        return result.trades();
    }

    /** Account equity per sample. */
    public EquityCurve equityCurve() {
        return result.equityCurve();
    }

    /** Headline statistics (return, Sharpe, drawdown, win rate, ...). */
    public PerformanceMetrics metrics() {
        return result.metrics();
    }

    /** Orders the risk chain refused, with the rule and reason of each. */
    public List<OrderDenied> denials() {
        return orderEvents.stream().filter(OrderDenied.class::isInstance).map(OrderDenied.class::cast).toList();
    }

    /** The account at the end, open positions marked to the last close. */
    public AccountView finalAccount() {
        return run.finalAccount();
    }

    /** The position in {@code instrument} still open at the end, or a flat one. */
    public PositionView position(InstrumentId instrument) {
        return run.openPositions().stream().filter(p -> p.instrument().equals(instrument)).findFirst()
                .orElse(PositionView.flat(instrument));
    }
}
