package io.amcp.risk;

import io.amcp.risk.internal.Checks;
import io.amcp.risk.stress.StressScenario;
import java.util.List;

/**
 * How {@link RiskAnalyzer} measures risk.
 *
 * @param confidenceLevels  VaR confidence levels, each strictly between 0 and 1 (default 0.95, 0.99)
 * @param margin            margin rates (default {@link MarginPolicy#regT()})
 * @param monteCarloPaths   Monte Carlo paths per report (default 10,000)
 * @param seed              Monte Carlo seed: equal inputs and seed give equal results
 * @param distribution      Monte Carlo innovations (default normal)
 * @param scenarios         stress scenarios run in every report (default {@link StressScenario#builtIns()})
 * @param parallel          whether Monte Carlo spreads paths over the common fork-join pool; the
 *                          result does not depend on it
 */
public record RiskConfig(List<Double> confidenceLevels, MarginPolicy margin, int monteCarloPaths, long seed,
        ReturnDistribution distribution, List<StressScenario> scenarios, boolean parallel) {

    public RiskConfig {
        Checks.present("confidenceLevels", confidenceLevels);
        if (confidenceLevels.isEmpty()) {
            throw new IllegalArgumentException("confidenceLevels: must not be empty");
        }
        for (int i = 0; i < confidenceLevels.size(); i++) {
            Checks.confidence("confidenceLevels[" + i + "]",
                    Checks.present("confidenceLevels[" + i + "]", confidenceLevels.get(i)));
        }
        confidenceLevels = List.copyOf(confidenceLevels);
        Checks.present("margin", margin);
        if (monteCarloPaths < 1) {
            throw new IllegalArgumentException("monteCarloPaths: must be positive, was " + monteCarloPaths);
        }
        Checks.present("distribution", distribution);
        scenarios = List.copyOf(Checks.present("scenarios", scenarios));
    }

    /** 95% and 99%, Reg-T margin, 10,000 normal Monte Carlo paths with seed 42, built-in scenarios, one thread. */
    public static RiskConfig defaults() {
        return new RiskConfig(List.of(0.95, 0.99), MarginPolicy.regT(), 10_000, 42L, ReturnDistribution.normal(),
                StressScenario.builtIns(), false);
    }

    /** A copy with other margin rates. */
    public RiskConfig withMargin(MarginPolicy newMargin) {
        return new RiskConfig(confidenceLevels, newMargin, monteCarloPaths, seed, distribution, scenarios, parallel);
    }

    /** A copy with another number of Monte Carlo paths and seed. */
    public RiskConfig withMonteCarlo(int paths, long newSeed) {
        return new RiskConfig(confidenceLevels, margin, paths, newSeed, distribution, scenarios, parallel);
    }

    /** A copy with other Monte Carlo innovations. */
    public RiskConfig withDistribution(ReturnDistribution newDistribution) {
        return new RiskConfig(confidenceLevels, margin, monteCarloPaths, seed, newDistribution, scenarios, parallel);
    }

    /** A copy with other stress scenarios. */
    public RiskConfig withScenarios(List<StressScenario> newScenarios) {
        return new RiskConfig(confidenceLevels, margin, monteCarloPaths, seed, distribution, newScenarios, parallel);
    }

    /** A copy with other confidence levels. */
    public RiskConfig withConfidenceLevels(List<Double> newLevels) {
        return new RiskConfig(newLevels, margin, monteCarloPaths, seed, distribution, scenarios, parallel);
    }

    /** A copy that runs Monte Carlo in parallel or not. */
    public RiskConfig withParallel(boolean newParallel) {
        return new RiskConfig(confidenceLevels, margin, monteCarloPaths, seed, distribution, scenarios, newParallel);
    }
}
