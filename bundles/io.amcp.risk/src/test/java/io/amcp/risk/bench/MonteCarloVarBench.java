package io.amcp.risk.bench;

import io.amcp.risk.Portfolio;
import io.amcp.risk.Position;
import io.amcp.risk.ReturnsHistory;
import io.amcp.risk.RiskAnalyzer;
import io.amcp.risk.RiskConfig;
import io.amcp.risk.VarEstimate;
import io.amcp.risk.internal.ZigguratNormal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Time of one Monte Carlo VaR (default 100,000 paths x 100 assets, normal innovations, every asset
 * held) printed beside a reference measured in the same run: generating the same 100,000 x 100
 * standard normal draws into a primitive array and nothing else. The ratio is comparable across
 * machines; the absolute time shows the budget (under 1 s) is met.
 *
 * <p>The VaR time covers the whole call: exposure mapping, covariance and Cholesky of the 100-asset
 * history (250 days), 10 M normal draws, 100k correlated paths {@code r = L z} (5,050 multiply-adds
 * each), the delta-gamma P&L and the sort of the 100k outcomes. Single-thread and fork-join parallel
 * are both reported; they return the same VaR (per-chunk seeding).
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -o -pl bundles/io.amcp.risk test-compile exec:java
 * mvn -q -o -pl bundles/io.amcp.risk test-compile exec:java -Dexec.args="100000 100 7"
 * </pre>
 * Arguments: paths, assets, measured rounds (after 3 warm-up rounds); the best round is reported.
 */
public final class MonteCarloVarBench {

    private MonteCarloVarBench() {
    }

    public static void main(String[] args) {
        int paths = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int assets = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;

        ReturnsHistory history = history(assets, 250);
        List<Position> positions = new ArrayList<>();
        for (int a = 0; a < assets; a++) {
            positions.add(Position.of("A" + a, (a % 5 == 4 ? -1 : 1) * (100 + a), 50.0 + a));
        }
        Portfolio portfolio = Portfolio.of(positions);
        RiskConfig config = RiskConfig.defaults().withMonteCarlo(paths, 42L);
        RiskAnalyzer single = RiskAnalyzer.of(config);
        RiskAnalyzer parallel = RiskAnalyzer.of(config.withParallel(true));
        double[] draws = new double[paths * assets];

        double bestSingle = Double.MAX_VALUE;
        double bestParallel = Double.MAX_VALUE;
        double bestDraws = Double.MAX_VALUE;
        double checksum = 0.0;
        VarEstimate var = null;
        for (int round = -3; round < rounds; round++) {
            long start = System.nanoTime();
            ZigguratNormal normal = new ZigguratNormal(new SplittableRandom(round));
            normal.fill(draws, 0, draws.length);
            double drawSeconds = (System.nanoTime() - start) / 1e9;
            checksum += draws[round & 1023];

            start = System.nanoTime();
            var = single.monteCarloVar(portfolio, history, 0.99);
            double singleSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            VarEstimate parallelVar = parallel.monteCarloVar(portfolio, history, 0.99);
            double parallelSeconds = (System.nanoTime() - start) / 1e9;
            checksum += parallelVar.var();

            if (round >= 0) {
                bestDraws = Math.min(bestDraws, drawSeconds);
                bestSingle = Math.min(bestSingle, singleSeconds);
                bestParallel = Math.min(bestParallel, parallelSeconds);
            }
            System.out.printf("round %2d: MC VaR 1 thread %7.3f s   %d threads %7.3f s   reference draws only %7.3f s%n",
                    round, singleSeconds, Runtime.getRuntime().availableProcessors(), parallelSeconds, drawSeconds);
        }
        System.out.printf("%nMonte Carlo VaR, %,d paths x %d assets (best of %d): single thread %.3f s, "
                + "parallel (%d cores) %.3f s%n", paths, assets, rounds, bestSingle,
                Runtime.getRuntime().availableProcessors(), bestParallel);
        System.out.printf("reference: %,d normal draws only %.3f s -> single-thread VaR / draws = %.2f, "
                + "parallel VaR / draws = %.2f%n", (long) paths * assets, bestDraws, bestSingle / bestDraws,
                bestParallel / bestDraws);
        System.out.printf("VaR99 = %.2f, CVaR99 = %.2f (checksum %.3f)%n", var.var(), var.cvar(), checksum);
    }

    private static ReturnsHistory history(int assets, int days) {
        Random random = new Random(1);
        double[][] returns = new double[assets][days];
        for (int d = 0; d < days; d++) {
            double market = random.nextGaussian() * 0.01;
            for (int a = 0; a < assets; a++) {
                returns[a][d] = (0.5 + a % 7 * 0.1) * market + random.nextGaussian() * 0.01;
            }
        }
        List<String> symbols = new ArrayList<>();
        for (int a = 0; a < assets; a++) {
            symbols.add("A" + a);
        }
        return ReturnsHistory.of(symbols, returns);
    }
}
