package io.amcp.backtest.report;

import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.Trade;
import java.time.Instant;
import java.util.List;

/**
 * Everything a finished backtest reports: written as JSON by {@link BacktestResultJson} and as an
 * HTML tear sheet by {@link TearSheet}.
 *
 * @param strategy     strategy name or id
 * @param dataset      dataset name
 * @param start        first simulated instant
 * @param end          last simulated instant
 * @param initialCash  starting cash
 * @param finalEquity  equity at the end (open positions marked to the last close)
 * @param metrics      headline statistics
 * @param trades       round trips, closed ones first; open ones have null exit fields
 * @param equityCurve  equity per sample
 * @param benchmark    benchmark aligned with the equity curve, or null
 */
public record BacktestResult(String strategy, String dataset, Instant start, Instant end, double initialCash,
        double finalEquity, PerformanceMetrics metrics, List<Trade> trades, EquityCurve equityCurve,
        Benchmark benchmark) {

    public BacktestResult {
        if (strategy == null || strategy.isBlank()) {
            throw new IllegalArgumentException("strategy: must not be blank");
        }
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset: must not be blank");
        }
        if (start == null || end == null) {
            throw new IllegalArgumentException("start, end: must not be null");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end: " + end + " is before start " + start);
        }
        if (!(initialCash > 0) || !Double.isFinite(initialCash)) {
            throw new IllegalArgumentException("initialCash: must be positive and finite, was " + initialCash);
        }
        if (!Double.isFinite(finalEquity)) {
            throw new IllegalArgumentException("finalEquity: must be finite, was " + finalEquity);
        }
        if (metrics == null) {
            throw new IllegalArgumentException("metrics: must not be null");
        }
        if (trades == null) {
            throw new IllegalArgumentException("trades: must not be null");
        }
        if (equityCurve == null) {
            throw new IllegalArgumentException("equityCurve: must not be null");
        }
        if (benchmark != null && benchmark.values().length != equityCurve.size()) {
            throw new IllegalArgumentException("benchmark: has " + benchmark.values().length
                    + " values but the equity curve has " + equityCurve.size() + " samples");
        }
        trades = List.copyOf(trades);
    }

    /** A result without a benchmark. */
    public static BacktestResult of(String strategy, String dataset, Instant start, Instant end, double initialCash,
            double finalEquity, PerformanceMetrics metrics, List<Trade> trades, EquityCurve equityCurve) {
        return new BacktestResult(strategy, dataset, start, end, initialCash, finalEquity, metrics, trades, equityCurve,
                null);
    }

    /** This result with a benchmark drawn beside the equity curve. */
    public BacktestResult withBenchmark(Benchmark value) {
        return new BacktestResult(strategy, dataset, start, end, initialCash, finalEquity, metrics, trades, equityCurve,
                value);
    }
}
