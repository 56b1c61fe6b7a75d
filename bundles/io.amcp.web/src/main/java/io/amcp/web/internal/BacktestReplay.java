package io.amcp.web.internal;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Money;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.Strategy;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.PeriodsPerYear;
import io.amcp.backtest.metrics.RoundTripTracker;
import io.amcp.backtest.metrics.Trade;
import io.amcp.backtest.report.BacktestResult;
import io.amcp.backtest.report.BacktestResultJson;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One backtest through {@link BacktestEngine} with a frictionless paper exchange as the venue, and
 * its result as JSON: {@link BacktestResultJson}'s fields plus the equity curve and drawdown as
 * {@code [epoch millis, value]} pairs for charts. The only class of this bundle that touches the
 * backtest and paper-broker bundles, so that without them only backtests fail.
 */
final class BacktestReplay {

    /** Equity curves longer than this are thinned for the chart (every n-th sample, the last always). */
    private static final int CHART_POINTS = 2_000;

    private BacktestReplay() {
    }

    static JsonObject run(BacktestJobs.Job job, Strategy strategy, List<BarSeries> data) {
        BacktestRun run = new BacktestEngine(Money.of(job.request.initialCash()), 1.0, List.of()).run(data, strategy,
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), job.barsDone::set);
        job.barsDone.set(run.barsProcessed());
        return result(job, run);
    }

    private static JsonObject result(BacktestJobs.Job job, BacktestRun run) {
        EquityCurve curve = EquityCurve.of(run.equityTimes(), run.equity());
        List<Trade> trades = RoundTripTracker.pair(run.fills());
        PerformanceMetrics metrics = PerformanceMetrics.calculator(curve).trades(trades)
                .periodsPerYear(PeriodsPerYear.estimate(curve.times(), NyseCalendar.INSTANCE)).calculate();
        BacktestResult result = BacktestResult.of(job.request.strategy(), job.request.dataset(),
                Instant.ofEpochSecond(0, curve.firstTime()), Instant.ofEpochSecond(0, curve.lastTime()),
                job.request.initialCash(), run.finalAccount().equity().toDouble(), metrics, trades, curve);
        JsonObject json = new JsonObject(BacktestResultJson.toJson(result));
        JsonArray points = new JsonArray();
        JsonArray drawdown = new JsonArray();
        int step = Math.max(1, curve.size() / CHART_POINTS);
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < curve.size(); i++) {
            double e = curve.equity()[i];
            peak = Math.max(peak, e);
            if (i % step == 0 || i == curve.size() - 1) {
                long millis = curve.times()[i] / 1_000_000L;
                points.add(new JsonArray().add(millis).add(e));
                drawdown.add(new JsonArray().add(millis).add(e / peak - 1));
            }
        }
        return json.put("id", job.id).put("equity_curve", points).put("drawdown", drawdown)
                .put("bars", run.barsProcessed()).put("fills", run.fills().size());
    }
}
