package io.amcp.ai.research.qubo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PortfolioQuboTest {

    private static final double[] MU = {0.1, 0.2};
    private static final double[][] COV = {{0.04, 0.01}, {0.01, 0.09}};

    @Test
    void energyMatchesTheObjectiveWrittenOutByHand() {
        PortfolioQubo qubo = PortfolioQubo.of(MU, COV, 1, 1.0, 1.0);
        // x = {0,1}: -0.2 + 0.09 + 1*(1-1)^2
        assertThat(qubo.energy(new boolean[] {false, true})).isCloseTo(-0.11, within(1e-12));
        // x = {1,1}: -(0.1+0.2)/1 + (0.04+0.09+2*0.01)/1 + 1*(2-1)^2
        assertThat(qubo.energy(new boolean[] {true, true})).isCloseTo(0.85, within(1e-12));
        // x = {0,0}: only the penalty 1*(0-1)^2
        assertThat(qubo.energy(new boolean[] {false, false})).isCloseTo(1.0, within(1e-12));
        // k = 2: weights 1/2, variance (0.04+0.09+0.02)/4
        PortfolioQubo two = PortfolioQubo.of(MU, COV, 2, 2.0, 5.0);
        assertThat(two.energy(new boolean[] {true, true})).isCloseTo(-0.15 + 2 * 0.15 / 4, within(1e-12));
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> PortfolioQubo.of(MU, COV, 3, 1.0)).hasMessageContaining("k:");
        assertThatThrownBy(() -> PortfolioQubo.of(MU, new double[][] {{0.04, 0.02}, {0.01, 0.09}}, 1, 1.0))
                .hasMessageContaining("covariance:");
        assertThatThrownBy(() -> PortfolioQubo.of(MU, COV, 1, -1)).hasMessageContaining("lambda:");
    }

    @Test
    void simulatedQuantumAnnealingFindsTheBruteForceOptimumOnSmallProblems() {
        for (long seed = 1; seed <= 5; seed++) {
            double[][] r = FactorUniverse.returns(12, 250, seed);
            PortfolioQubo qubo = PortfolioQubo.of(FactorUniverse.mean(r, 0, 250), FactorUniverse.covariance(r, 0, 250), 4,
                    20.0);
            Selection exact = ExactSolvers.bruteForce(qubo);
            Selection sqa = SimulatedQuantumAnnealing.of(200, seed).solve(qubo);
            assertThat(exact.assets()).hasSize(4);
            assertThat(sqa.assets()).as("seed %d", seed).isEqualTo(exact.assets());
            assertThat(SimulatedAnnealing.of(3200, seed).solve(qubo).energy()).isGreaterThanOrEqualTo(exact.energy() - 1e-15);
            assertThat(ExactSolvers.greedy(qubo).energy()).isGreaterThanOrEqualTo(exact.energy() - 1e-15);
        }
    }

    @Test
    void bruteForceAgreesWithAnEnumerationOfTheKSubsetsByTheObjective() {
        double[][] r = FactorUniverse.returns(8, 120, 7);
        double[] mu = FactorUniverse.mean(r, 0, 120);
        double[][] cov = FactorUniverse.covariance(r, 0, 120);
        double lambda = 10;
        int k = 3;
        // independent: the equal-weight portfolio objective mu_p - lambda var_p over every 3-subset
        double bestObjective = Double.NEGATIVE_INFINITY;
        int bestMask = 0;
        for (int mask = 0; mask < 256; mask++) {
            if (Integer.bitCount(mask) != k) {
                continue;
            }
            double m = 0;
            double v = 0;
            for (int i = 0; i < 8; i++) {
                if ((mask >> i & 1) == 0) {
                    continue;
                }
                m += mu[i] / k;
                for (int j = 0; j < 8; j++) {
                    if ((mask >> j & 1) == 1) {
                        v += cov[i][j] / (k * k);
                    }
                }
            }
            if (m - lambda * v > bestObjective) {
                bestObjective = m - lambda * v;
                bestMask = mask;
            }
        }
        Selection exact = ExactSolvers.bruteForce(PortfolioQubo.of(mu, cov, k, lambda));
        int mask = 0;
        for (int i : exact.assets()) {
            mask |= 1 << i;
        }
        assertThat(mask).isEqualTo(bestMask);
    }

    @Test
    void studyWritesAReportWhoseVerdictFollowsTheSharpeRatios(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        PortfolioSelectionStudy.Outcome out = new PortfolioSelectionStudy(12, 4, 20, 120, 60, 3, 100, 11).run();
        assertThat(out.checkedAgainstExact()).isEqualTo(3);
        assertThat(out.report().beatBaseline()).isEqualTo(out.sqaSharpe() > out.equalWeightSharpe());
        assertThat(out.report().verdict()).startsWith(out.report().beatBaseline() ? "Beat the baseline"
                : "Did not beat the baseline");
        out.report().write(dir);
        assertThat(Files.readString(dir.resolve("quantum-inspired-portfolio.html"))).contains("<svg", "polyline");
        assertThat(Files.readString(dir.resolve("quantum-inspired-portfolio.json"))).contains("\"beatBaseline\"");
    }
}
