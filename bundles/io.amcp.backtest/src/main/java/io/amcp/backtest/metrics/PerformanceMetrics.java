package io.amcp.backtest.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Headline statistics of a backtest, computed by {@link #calculator(EquityCurve)}.
 *
 * <p>Definitions ({@code r_i = e_i / e_(i-1) - 1} are the simple per-period returns of the equity
 * curve, {@code N = n - 1} of them; {@code P} is periods per year; {@code rf} the per-period
 * risk-free return {@code (1 + annualRiskFree)^(1/P) - 1}; "years" is calendar time between the
 * first and last sample divided by 365.25 days):
 * <ul>
 *   <li>{@code totalReturn = e_last / e_first - 1}.</li>
 *   <li>{@code cagr = (e_last / e_first)^(1 / years) - 1}.</li>
 *   <li>{@code annualVolatility = stdev(r) x sqrt(P)}, sample standard deviation (divisor N - 1).</li>
 *   <li>{@code sharpe = mean(r - rf) / stdev(r) x sqrt(P)}.</li>
 *   <li>{@code sortino = mean(r - rf) / DD x sqrt(P)} with the downside deviation
 *       {@code DD = sqrt(sum(min(0, r_i - rf)^2) / N)} taken over ALL N periods (Sortino and Price
 *       1994; periods above the target count as zero, not dropped). The target is the risk-free
 *       rate, so 0 by default.</li>
 *   <li>{@code maxDrawdown}: the most negative {@code e_i / max(e_0..e_i) - 1}, a fraction
 *       {@code <= 0} (-0.25 is a 25% drawdown); 0 when equity never falls below a prior peak.</li>
 *   <li>{@code maxDrawdownDurationPeriods/Days}: the longest time under water, from the last sample
 *       at a peak to the first sample back at or above it, or to the last sample if the peak is
 *       never regained; the longest is chosen by elapsed time, and both its sample count and its
 *       calendar days (elapsed time / 86,400 s) are reported.</li>
 *   <li>{@code calmar = cagr / |maxDrawdown|}.</li>
 *   <li>{@code beta = cov(r, b) / var(b)} against the benchmark's per-period returns {@code b}.</li>
 *   <li>Trade statistics use closed trades only ({@code tradeCount} of them): {@code winRate} =
 *       share with pnl &gt; 0; {@code profitFactor} = sum of positive pnl / |sum of negative pnl|;
 *       {@code averageWin} = mean pnl of winners; {@code averageLoss} = mean pnl of losers (negative).</li>
 *   <li>{@code exposure}: share of samples with a non-zero position.</li>
 *   <li>{@code turnover = (traded notional / mean equity) / years}: traded notional counts both
 *       legs of every trade (a buy and its sale of 100k each on 100k equity is 2.0), open trades
 *       with their entry leg.</li>
 * </ul>
 *
 * <p>Undefined values are {@code null}, never 0 or NaN: {@code cagr}, {@code turnover} when the
 * curve spans no time; volatility, Sharpe, Sortino, beta with fewer than two returns; Sharpe when
 * the returns' standard deviation is numerically zero (at most {@value #ZERO_DEVIATION});
 * Sortino when no period is below the target; Calmar without a drawdown; beta without a benchmark
 * or with a constant one; win rate without closed trades; profit factor without a losing trade;
 * average win (loss) without a winner (loser); exposure when no position series was given.
 *
 * @param totalReturn                 fractional total return
 * @param cagr                        compound annual growth rate, or null
 * @param annualVolatility            annualised volatility, or null
 * @param sharpe                      annualised Sharpe ratio, or null
 * @param sortino                     annualised Sortino ratio, or null
 * @param calmar                      Calmar ratio, or null
 * @param maxDrawdown                 maximum drawdown as a fraction, at most 0
 * @param maxDrawdownDurationPeriods  longest drawdown in samples
 * @param maxDrawdownDurationDays     longest drawdown in calendar days
 * @param beta                        beta to the benchmark, or null
 * @param winRate                     share of winning closed trades, or null
 * @param profitFactor                gross profit / gross loss, or null
 * @param averageWin                  mean pnl of winning trades, or null
 * @param averageLoss                 mean pnl of losing trades (negative), or null
 * @param exposure                    share of samples with a position, or null
 * @param turnover                    annualised two-sided turnover, or null
 * @param tradeCount                  number of closed trades
 * @param periodsPerYear              annualisation factor used
 */
public record PerformanceMetrics(double totalReturn, Double cagr, Double annualVolatility, Double sharpe,
        Double sortino, Double calmar, double maxDrawdown, int maxDrawdownDurationPeriods,
        double maxDrawdownDurationDays, Double beta, Double winRate, Double profitFactor, Double averageWin,
        Double averageLoss, Double exposure, Double turnover, int tradeCount, double periodsPerYear) {

    /** A standard deviation at or below this is treated as zero (Sharpe undefined). */
    public static final double ZERO_DEVIATION = 1e-12;

    public PerformanceMetrics {
        requireFinite("totalReturn", totalReturn);
        requireFinite("maxDrawdown", maxDrawdown);
        requireFinite("maxDrawdownDurationDays", maxDrawdownDurationDays);
        for (Double v : new Double[] {cagr, annualVolatility, sharpe, sortino, calmar, beta, winRate, profitFactor,
                averageWin, averageLoss, exposure, turnover}) {
            if (v != null && !Double.isFinite(v)) {
                throw new IllegalArgumentException("metrics: undefined values must be null, not " + v);
            }
        }
        if (maxDrawdown > 0) {
            throw new IllegalArgumentException("maxDrawdown: must be <= 0, was " + maxDrawdown);
        }
        if (tradeCount < 0) {
            throw new IllegalArgumentException("tradeCount: must be >= 0, was " + tradeCount);
        }
        if (!(periodsPerYear > 0) || !Double.isFinite(periodsPerYear)) {
            throw new IllegalArgumentException("periodsPerYear: must be positive and finite, was " + periodsPerYear);
        }
    }

    /** Starts a calculation over an equity curve. */
    public static Calculator calculator(EquityCurve curve) {
        return new Calculator(curve);
    }

    /**
     * The metrics by name for the JSON output, in a fixed order; undefined values map to null.
     * Keys: totalReturn, cagr, annualVolatility, sharpe, sortino, calmar, maxDrawdown,
     * maxDrawdownDurationDays, maxDrawdownDurationPeriods, beta, winRate, profitFactor, averageWin,
     * averageLoss, exposure, turnover, tradeCount.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalReturn", totalReturn);
        m.put("cagr", cagr);
        m.put("annualVolatility", annualVolatility);
        m.put("sharpe", sharpe);
        m.put("sortino", sortino);
        m.put("calmar", calmar);
        m.put("maxDrawdown", maxDrawdown);
        m.put("maxDrawdownDurationDays", maxDrawdownDurationDays);
        m.put("maxDrawdownDurationPeriods", maxDrawdownDurationPeriods);
        m.put("beta", beta);
        m.put("winRate", winRate);
        m.put("profitFactor", profitFactor);
        m.put("averageWin", averageWin);
        m.put("averageLoss", averageLoss);
        m.put("exposure", exposure);
        m.put("turnover", turnover);
        m.put("tradeCount", tradeCount);
        return m;
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": must be finite, was " + value);
        }
    }

    /** Collects the optional inputs and computes {@link PerformanceMetrics}. */
    public static final class Calculator {
        private static final double NANOS_PER_DAY = 86_400e9;
        private static final double DAYS_PER_YEAR = 365.25;

        private final EquityCurve curve;
        private List<Trade> trades = List.of();
        private double periodsPerYear = PeriodsPerYear.DAILY_EQUITIES;
        private double annualRiskFree;
        private double[] benchmark;
        private boolean[] invested;

        private Calculator(EquityCurve curve) {
            if (curve == null) {
                throw new IllegalArgumentException("curve: must not be null");
            }
            this.curve = curve;
        }

        /** Round trips for the trade statistics and turnover (default none). */
        public Calculator trades(List<Trade> value) {
            if (value == null) {
                throw new IllegalArgumentException("trades: must not be null");
            }
            this.trades = List.copyOf(value);
            return this;
        }

        /** Annualisation factor (default 252, see {@link PeriodsPerYear}). */
        public Calculator periodsPerYear(double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("periodsPerYear: must be positive and finite, was " + value);
            }
            this.periodsPerYear = value;
            return this;
        }

        /** Annual risk-free rate as a fraction, e.g. 0.04 (default 0); also the Sortino target. */
        public Calculator riskFreeRate(double annualRate) {
            if (!(annualRate > -1) || !Double.isFinite(annualRate)) {
                throw new IllegalArgumentException("riskFreeRate: must be finite and > -1, was " + annualRate);
            }
            this.annualRiskFree = annualRate;
            return this;
        }

        /** Benchmark equity or price, one positive value per equity sample (copied). */
        public Calculator benchmark(double[] values) {
            if (values == null || values.length != curve.size()) {
                throw new IllegalArgumentException("benchmark: needs one value per equity sample ("
                        + curve.size() + "), got " + (values == null ? "null" : values.length));
            }
            for (int i = 0; i < values.length; i++) {
                if (!(values[i] > 0) || !Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("benchmark[" + i + "]: must be positive and finite, was " + values[i]);
                }
            }
            this.benchmark = values.clone();
            return this;
        }

        /** Whether a position was held at each equity sample (copied). */
        public Calculator invested(boolean[] values) {
            if (values == null || values.length != curve.size()) {
                throw new IllegalArgumentException("invested: needs one flag per equity sample ("
                        + curve.size() + "), got " + (values == null ? "null" : values.length));
            }
            this.invested = values.clone();
            return this;
        }

        /** Computes the metrics. */
        public PerformanceMetrics calculate() {
            long[] t = curve.times();
            double[] e = curve.equity();
            int n = e.length;
            double[] r = returns("equity", e);
            double years = (t[n - 1] - t[0]) / NANOS_PER_DAY / DAYS_PER_YEAR;

            double totalReturn = e[n - 1] / e[0] - 1;
            Double cagr = years > 0 && e[n - 1] > 0 ? Math.pow(e[n - 1] / e[0], 1 / years) - 1 : null;

            double rf = Math.pow(1 + annualRiskFree, 1 / periodsPerYear) - 1;
            double sqrtP = Math.sqrt(periodsPerYear);
            Double volatility = null;
            Double sharpe = null;
            Double sortino = null;
            if (r.length >= 2) {
                double sd = sampleStdev(r);
                volatility = sd * sqrtP;
                double meanExcess = mean(r) - rf;
                sharpe = sd > ZERO_DEVIATION ? meanExcess / sd * sqrtP : null;
                double downside = downsideDeviation(r, rf);
                sortino = downside > ZERO_DEVIATION ? meanExcess / downside * sqrtP : null;
            }

            Drawdown dd = drawdown(t, e);
            Double calmar = cagr != null && dd.max < 0 ? cagr / Math.abs(dd.max) : null;

            Double beta = null;
            if (benchmark != null && r.length >= 2) {
                double[] b = returns("benchmark", benchmark);
                double varB = sampleCovariance(b, b);
                beta = Math.sqrt(varB) > ZERO_DEVIATION ? sampleCovariance(r, b) / varB : null;
            }

            int closedCount = 0;
            int wins = 0;
            int losses = 0;
            double grossProfit = 0;
            double grossLoss = 0;
            double notional = 0;
            for (Trade trade : trades) {
                notional += trade.notional();
                if (trade.isOpen()) {
                    continue;
                }
                closedCount++;
                double pnl = trade.pnl();
                if (pnl > 0) {
                    wins++;
                    grossProfit += pnl;
                } else if (pnl < 0) {
                    losses++;
                    grossLoss += pnl;
                }
            }
            Double winRate = closedCount > 0 ? wins / (double) closedCount : null;
            Double profitFactor = losses > 0 ? grossProfit / -grossLoss : null;
            Double averageWin = wins > 0 ? grossProfit / wins : null;
            Double averageLoss = losses > 0 ? grossLoss / losses : null;

            Double exposure = null;
            if (invested != null) {
                int held = 0;
                for (boolean v : invested) {
                    held += v ? 1 : 0;
                }
                exposure = held / (double) n;
            }
            double meanEquity = mean(e);
            Double turnover = years > 0 && meanEquity > 0 ? notional / meanEquity / years : null;

            return new PerformanceMetrics(totalReturn, cagr, volatility, sharpe, sortino, calmar, dd.max, dd.periods,
                    dd.days, beta, winRate, profitFactor, averageWin, averageLoss, exposure, turnover, closedCount,
                    periodsPerYear);
        }

        private static double[] returns(String field, double[] values) {
            double[] r = new double[values.length - 1];
            for (int i = 1; i < values.length; i++) {
                if (!(values[i - 1] > 0)) {
                    throw new IllegalArgumentException(field + "[" + (i - 1) + "]: must be positive to compute returns, was "
                            + values[i - 1]);
                }
                r[i - 1] = values[i] / values[i - 1] - 1;
            }
            return r;
        }

        private static Drawdown drawdown(long[] t, double[] e) {
            double peak = e[0];
            int peakIndex = 0;
            boolean underwater = false;
            double max = 0;
            int bestPeriods = 0;
            long bestNanos = 0;
            for (int i = 1; i < e.length; i++) {
                if (e[i] >= peak) {
                    if (underwater && t[i] - t[peakIndex] > bestNanos) {
                        bestNanos = t[i] - t[peakIndex];
                        bestPeriods = i - peakIndex;
                    }
                    underwater = false;
                    peak = e[i];
                    peakIndex = i;
                } else {
                    underwater = true;
                    max = Math.min(max, e[i] / peak - 1);
                }
            }
            int last = e.length - 1;
            if (underwater && t[last] - t[peakIndex] > bestNanos) {
                bestNanos = t[last] - t[peakIndex];
                bestPeriods = last - peakIndex;
            }
            return new Drawdown(max, bestPeriods, bestNanos / NANOS_PER_DAY);
        }

        private record Drawdown(double max, int periods, double days) {
        }

        private static double mean(double[] x) {
            double sum = 0;
            for (double v : x) {
                sum += v;
            }
            return sum / x.length;
        }

        private static double sampleStdev(double[] x) {
            return Math.sqrt(sampleCovariance(x, x));
        }

        private static double sampleCovariance(double[] x, double[] y) {
            double mx = mean(x);
            double my = mean(y);
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (x[i] - mx) * (y[i] - my);
            }
            return sum / (x.length - 1);
        }

        private static double downsideDeviation(double[] r, double target) {
            double sum = 0;
            for (double v : r) {
                double shortfall = Math.min(0, v - target);
                sum += shortfall * shortfall;
            }
            return Math.sqrt(sum / r.length);
        }
    }
}
