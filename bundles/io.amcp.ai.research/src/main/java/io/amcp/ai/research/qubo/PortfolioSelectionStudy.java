package io.amcp.ai.research.qubo;

import io.amcp.ai.research.internal.Stats;
import io.amcp.ai.research.report.ResearchReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The out-of-sample study of QUBO portfolio selection on a {@link FactorUniverse}: in each of
 * {@code periods} rolling windows, estimate mean and covariance on {@code estimationDays}, choose K
 * of N assets with simulated quantum annealing (SQA), simulated annealing (SA, the same flip budget)
 * and greedy, then hold each choice equally weighted for the next {@code holdingDays}. The baseline is
 * the equal-weight portfolio of all N assets over the same holding days. When N is at most
 * {@link ExactSolvers#MAX_BRUTE_FORCE} the exact optimum is also computed and compared.
 *
 * @param assets         N
 * @param k              assets to choose
 * @param lambda         risk aversion
 * @param estimationDays days to estimate on
 * @param holdingDays    days to hold out of sample
 * @param periods        rolling windows
 * @param sweeps         SQA sweeps (SA gets sweeps x replicas, the same flip count)
 * @param seed           seed of the universe and the solvers
 */
public record PortfolioSelectionStudy(int assets, int k, double lambda, int estimationDays, int holdingDays,
        int periods, int sweeps, long seed) {

    /** The study's outcome. */
    public record Outcome(double sqaSharpe, double saSharpe, double greedySharpe, double equalWeightSharpe,
            double sqaReturn, double equalWeightReturn, int exactMatches, int checkedAgainstExact,
            double[] sqaEquity, double[] equalWeightEquity, ResearchReport report) {
    }

    /** Runs the study and builds its report. */
    public Outcome run() {
        double[][] r = FactorUniverse.returns(assets, estimationDays + periods * holdingDays, seed);
        List<Double> sqa = new ArrayList<>();
        List<Double> sa = new ArrayList<>();
        List<Double> greedy = new ArrayList<>();
        List<Double> ew = new ArrayList<>();
        int matches = 0;
        int checked = 0;
        double sqaEnergyGap = 0;
        double saEnergyGap = 0;
        double greedyEnergyGap = 0;
        for (int p = 0; p < periods; p++) {
            int from = p * holdingDays;
            int to = from + estimationDays;
            PortfolioQubo qubo = PortfolioQubo.of(FactorUniverse.mean(r, from, to), FactorUniverse.covariance(r, from, to),
                    k, lambda);
            SimulatedQuantumAnnealing sqaSolver = SimulatedQuantumAnnealing.of(sweeps, seed + p);
            Selection q = sqaSolver.solve(qubo);
            Selection s = SimulatedAnnealing.of(sweeps * sqaSolver.replicas(), seed + p).solve(qubo);
            Selection g = ExactSolvers.greedy(qubo);
            if (assets <= 22) {
                Selection exact = ExactSolvers.bruteForce(qubo);
                checked++;
                if (Math.abs(exact.energy() - q.energy()) <= 1e-12 * (1 + Math.abs(exact.energy()))) {
                    matches++;
                }
                sqaEnergyGap += q.energy() - exact.energy();
                saEnergyGap += s.energy() - exact.energy();
                greedyEnergyGap += g.energy() - exact.energy();
            }
            for (int t = to; t < to + holdingDays; t++) {
                sqa.add(portfolio(r[t], q.chosen()));
                sa.add(portfolio(r[t], s.chosen()));
                greedy.add(portfolio(r[t], g.chosen()));
                ew.add(portfolio(r[t], all(assets)));
            }
        }
        double[] sqaR = toArray(sqa);
        double[] ewR = toArray(ew);
        double sqaSharpe = Stats.sharpe(sqaR, 252);
        double saSharpe = Stats.sharpe(toArray(sa), 252);
        double greedySharpe = Stats.sharpe(toArray(greedy), 252);
        double ewSharpe = Stats.sharpe(ewR, 252);
        boolean beat = sqaSharpe > ewSharpe;
        ResearchReport report = ResearchReport.of("quantum-inspired-portfolio",
                "Simulated quantum annealing: choose " + k + " of " + assets + " assets (QUBO)",
                "Path-integral Monte Carlo simulated quantum annealing (16 Trotter replicas, transverse field annealed "
                        + "linearly) on the QUBO max mean - lambda x variance of the equal-weight K-asset portfolio with a "
                        + "cardinality penalty; lambda = " + lambda + ". Data: seeded synthetic factor-model universe "
                        + "(market + 4 sector factors, heterogeneous betas and idiosyncratic risk). " + periods
                        + " rolling windows: estimate on " + estimationDays + " days, hold the next " + holdingDays
                        + " days out of sample. SA gets the same number of flip attempts.",
                "equal weight of all " + assets + " assets",
                beat, String.format(Locale.ROOT, "out-of-sample Sharpe SQA %.3f vs equal weight %.3f (SA %.3f, greedy %.3f)",
                        sqaSharpe, ewSharpe, saSharpe, greedySharpe))
                .figure("oosSharpeSqa", sqaSharpe).figure("oosSharpeSimulatedAnnealing", saSharpe)
                .figure("oosSharpeGreedy", greedySharpe).figure("oosSharpeEqualWeight", ewSharpe)
                .figure("oosReturnSqa", Stats.compounded(sqaR)).figure("oosReturnEqualWeight", Stats.compounded(ewR))
                .figure("oosVolatilitySqa", Stats.std(sqaR) * Math.sqrt(252))
                .figure("oosVolatilityEqualWeight", Stats.std(ewR) * Math.sqrt(252))
                .figure("windowsCheckedAgainstBruteForce", checked).figure("sqaFoundExactOptimum", matches)
                .figure("meanEnergyGapSqa", checked == 0 ? Double.NaN : sqaEnergyGap / checked)
                .figure("meanEnergyGapSimulatedAnnealing", checked == 0 ? Double.NaN : saEnergyGap / checked)
                .figure("meanEnergyGapGreedy", checked == 0 ? Double.NaN : greedyEnergyGap / checked)
                .chart("Out-of-sample growth of 1").line("SQA selection", Stats.equity(sqaR))
                .line("equal weight", Stats.equity(ewR));
        return new Outcome(sqaSharpe, saSharpe, greedySharpe, ewSharpe, Stats.compounded(sqaR), Stats.compounded(ewR),
                matches, checked, Stats.equity(sqaR), Stats.equity(ewR), report);
    }

    private static double portfolio(double[] day, boolean[] chosen) {
        double s = 0;
        int c = 0;
        for (int i = 0; i < day.length; i++) {
            if (chosen[i]) {
                s += day[i];
                c++;
            }
        }
        return c == 0 ? 0 : s / c;
    }

    private static boolean[] all(int n) {
        boolean[] x = new boolean[n];
        java.util.Arrays.fill(x, true);
        return x;
    }

    private static double[] toArray(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
