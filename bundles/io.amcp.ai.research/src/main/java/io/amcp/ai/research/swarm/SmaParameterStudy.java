package io.amcp.ai.research.swarm;

import io.amcp.ai.research.internal.Stats;
import io.amcp.ai.research.report.ResearchReport;
import io.amcp.api.model.BarSeries;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tunes the SMA crossover's fast and slow periods by particle swarm optimisation, against a grid
 * search with the same number of backtests and against the default (10, 30). The objective is the
 * in-sample Sharpe ratio of a real {@link io.amcp.backtest.BacktestEngine} run over the first
 * {@code inSampleFraction} of the bars; the chosen parameters are then judged on the remaining bars
 * (the run covers the whole series so the averages are warm, and only the returns after the split
 * count). Fast is searched in {@code [2, maxFast]}, slow as fast + a gap in {@code [1, maxGap]}.
 *
 * @param dataset          name for the report
 * @param series           the bars
 * @param periodsPerYear   bars per year, to annualise Sharpe ratios
 * @param inSampleFraction share of the bars to tune on, in (0, 1)
 * @param maxFast          largest fast period
 * @param maxGap           largest slow - fast
 * @param particles        swarm size
 * @param iterations       swarm iterations
 * @param seed             swarm seed
 */
public record SmaParameterStudy(String dataset, BarSeries series, double periodsPerYear, double inSampleFraction,
        int maxFast, int maxGap, int particles, int iterations, long seed) {

    /** Default SMA crossover parameters (those of {@code io.amcp.strategy.smacross}). */
    public static final int DEFAULT_FAST = 10;
    public static final int DEFAULT_SLOW = 30;

    public SmaParameterStudy {
        if (!(inSampleFraction > 0 && inSampleFraction < 1)) {
            throw new IllegalArgumentException("inSampleFraction: must be in (0, 1), was " + inSampleFraction);
        }
        if (maxFast < 2 || maxGap < 1) {
            throw new IllegalArgumentException("maxFast/maxGap: must be at least 2 and 1, were " + maxFast + "/" + maxGap);
        }
    }

    /**
     * The outcome, each as (fast, slow) with in-sample and out-of-sample Sharpe ratios.
     *
     * @param psoParams    parameters PSO chose
     * @param gridParams   parameters the grid chose
     * @param backtests    objective calls PSO made (the grid gets the largest square not above it)
     */
    public record Outcome(int[] psoParams, int[] gridParams, double psoInSample, double gridInSample,
            double defaultInSample, double psoOutOfSample, double gridOutOfSample, double defaultOutOfSample,
            double buyAndHoldOutOfSample, int backtests, ResearchReport report) {
    }

    /** Runs the searches and the out-of-sample evaluation. */
    public Outcome run() {
        int split = (int) Math.round(series.size() * inSampleFraction);
        BarSeries inSample = Backtests.slice(series, 0, split);
        Map<Long, Double> cache = new HashMap<>();
        java.util.function.ToDoubleFunction<int[]> sharpeIn = p -> cache.computeIfAbsent(key(p),
                k -> Stats.sharpe(Backtests.returnsFrom(Backtests.smaCrossEquity(inSample, p[0], p[1]), 0), periodsPerYear));
        ParticleSwarm.Result pso = ParticleSwarm.of(particles, iterations, seed).minimise(
                x -> -sharpeIn.applyAsDouble(params(x)), new double[] {2, 1}, new double[] {maxFast + 0.999, maxGap + 0.999});
        int[] psoParams = params(pso.best());
        int budget = pso.evaluations();
        int side = Math.max(2, (int) Math.floor(Math.sqrt(budget)));
        int[] gridParams = null;
        double gridBest = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < side; a++) {
            for (int b = 0; b < side; b++) {
                int fast = 2 + (int) Math.round((maxFast - 2) * a / (double) (side - 1));
                int gap = 1 + (int) Math.round((maxGap - 1) * b / (double) (side - 1));
                int[] p = {fast, fast + gap};
                double s = sharpeIn.applyAsDouble(p);
                if (s > gridBest) {
                    gridBest = s;
                    gridParams = p;
                }
            }
        }
        int[] defaults = {DEFAULT_FAST, DEFAULT_SLOW};
        double psoIn = sharpeIn.applyAsDouble(psoParams);
        double defaultIn = sharpeIn.applyAsDouble(defaults);
        double[] psoEquity = Backtests.smaCrossEquity(series, psoParams[0], psoParams[1]);
        double[] gridEquity = Backtests.smaCrossEquity(series, gridParams[0], gridParams[1]);
        double[] defaultEquity = Backtests.smaCrossEquity(series, DEFAULT_FAST, DEFAULT_SLOW);
        int from = split - 1;
        double[] psoOos = Backtests.returnsFrom(psoEquity, from);
        double[] gridOos = Backtests.returnsFrom(gridEquity, from);
        double[] defaultOos = Backtests.returnsFrom(defaultEquity, from);
        double[] holdOos = Backtests.buyAndHold(series, from);
        double psoS = Stats.sharpe(psoOos, periodsPerYear);
        double gridS = Stats.sharpe(gridOos, periodsPerYear);
        double defS = Stats.sharpe(defaultOos, periodsPerYear);
        double holdS = Stats.sharpe(holdOos, periodsPerYear);
        boolean beat = psoS > gridS && psoS > defS;
        ResearchReport report = ResearchReport.of("swarm-pso-sma-" + dataset,
                "Particle swarm optimisation of the SMA crossover on " + dataset,
                "Global-best PSO (" + particles + " particles x " + (iterations + 1) + " rounds, Clerc-Kennedy coefficients) "
                        + "maximising the in-sample Sharpe of SMA(fast, slow) backtests through the real BacktestEngine and "
                        + "paper exchange (" + Backtests.SLIPPAGE_BPS + " bps slippage) on the first "
                        + Math.round(inSampleFraction * 100) + "% of " + series.size() + " bars; judged on the rest. "
                        + "The grid search gets at most the same budget: a " + side + "x" + side + " grid (" + side * side
                        + " backtests against PSO's " + budget + " objective calls).",
                "grid search with at most the same budget, and the default SMA(10, 30)", beat,
                String.format(Locale.ROOT, "out-of-sample Sharpe PSO SMA(%d,%d) %.3f vs grid SMA(%d,%d) %.3f vs default %.3f "
                        + "(buy and hold %.3f)", psoParams[0], psoParams[1], psoS, gridParams[0], gridParams[1], gridS, defS,
                        holdS))
                .figure("psoFast", psoParams[0]).figure("psoSlow", psoParams[1])
                .figure("gridFast", gridParams[0]).figure("gridSlow", gridParams[1])
                .figure("inSampleSharpePso", psoIn).figure("inSampleSharpeGrid", gridBest)
                .figure("inSampleSharpeDefault", defaultIn)
                .figure("oosSharpePso", psoS).figure("oosSharpeGrid", gridS).figure("oosSharpeDefault", defS)
                .figure("oosSharpeBuyAndHold", holdS)
                .figure("oosReturnPso", Stats.compounded(psoOos)).figure("oosReturnGrid", Stats.compounded(gridOos))
                .figure("oosReturnDefault", Stats.compounded(defaultOos))
                .figure("oosReturnBuyAndHold", Stats.compounded(holdOos))
                .figure("psoObjectiveCalls", budget).figure("gridBacktests", side * side).figure("psoBestInSampleByRound", negate(pso.history()))
                .chart("Out-of-sample growth of 1").line("PSO", Stats.equity(psoOos)).line("grid", Stats.equity(gridOos))
                .line("default SMA(10,30)", Stats.equity(defaultOos)).line("buy and hold", Stats.equity(holdOos));
        return new Outcome(psoParams, gridParams, psoIn, gridBest, defaultIn, psoS, gridS, defS, holdS, budget, report);
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    private static int[] params(double[] x) {
        int fast = (int) Math.floor(x[0]);
        return new int[] {fast, fast + (int) Math.floor(x[1])};
    }

    private static long key(int[] p) {
        return (long) p[0] << 32 | p[1];
    }
}
