package io.amcp.portfolio.internal;

import io.amcp.portfolio.AssetUniverse;
import io.amcp.portfolio.BlackLitterman;
import io.amcp.portfolio.Constraints;
import io.amcp.portfolio.CovarianceEstimator;
import io.amcp.portfolio.InfeasiblePortfolioException;
import io.amcp.portfolio.MarketEstimates;
import io.amcp.portfolio.OptimalPortfolio;
import io.amcp.portfolio.ParetoPoint;
import io.amcp.portfolio.ParetoSweep;
import io.amcp.portfolio.PortfolioOptimizer;
import io.amcp.portfolio.ReturnHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.osgi.service.component.annotations.Component;

/** {@link PortfolioOptimizer} on ojAlgo's convex (QP) and linear solvers. */
@Component(service = PortfolioOptimizer.class)
public final class OjAlgoPortfolioOptimizer implements PortfolioOptimizer {

    @Override
    public OptimalPortfolio minimumVariance(MarketEstimates estimates, Constraints constraints) {
        check(estimates, constraints);
        WeightModel m = new WeightModel(estimates.universe(), constraints, false);
        addVariance(m, estimates.covariance(), 1.0);
        return OptimalPortfolio.of(estimates, m.solve(true, "minimum variance"));
    }

    @Override
    public OptimalPortfolio meanVariance(MarketEstimates estimates, Constraints constraints, double targetReturn) {
        check(estimates, constraints);
        finite(targetReturn, "targetReturn");
        WeightModel m = new WeightModel(estimates.universe(), constraints, false);
        addVariance(m, estimates.covariance(), 1.0);
        returnFloor(m, estimates.expectedReturns(), targetReturn);
        return OptimalPortfolio.of(estimates, m.solve(true, "mean-variance"));
    }

    @Override
    public OptimalPortfolio maximumUtility(MarketEstimates estimates, Constraints constraints, double riskAversion) {
        check(estimates, constraints);
        if (!(riskAversion > 0) || Double.isInfinite(riskAversion)) {
            throw new IllegalArgumentException("riskAversion: must be positive and finite, was " + riskAversion);
        }
        WeightModel m = new WeightModel(estimates.universe(), constraints, false);
        Expression objective = addVariance(m, estimates.covariance(), riskAversion / 2);
        double[] mu = estimates.expectedReturns();
        for (int i = 0; i < mu.length; i++) {
            objective.set(m.weights[i], -mu[i]);
        }
        return OptimalPortfolio.of(estimates, m.solve(true, "maximum utility"));
    }

    @Override
    public List<OptimalPortfolio> efficientFrontier(MarketEstimates estimates, Constraints constraints, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("points: must be at least 2, was " + points);
        }
        OptimalPortfolio minimum = minimumVariance(estimates, constraints);
        double highest = boundedHighestReturn(estimates.universe(), estimates.expectedReturns(), constraints);
        List<OptimalPortfolio> frontier = new ArrayList<>(points);
        frontier.add(minimum);
        double low = minimum.expectedReturn();
        for (int k = 1; k < points; k++) {
            double target = low + (highest - low) * k / (points - 1);
            frontier.add(meanVariance(estimates, constraints, Math.min(target, highest - 1e-12 * Math.abs(highest))));
        }
        return frontier;
    }

    @Override
    public OptimalPortfolio maximumSharpe(MarketEstimates estimates, Constraints constraints, double riskFreeRate) {
        check(estimates, constraints);
        finite(riskFreeRate, "riskFreeRate");
        if (!constraints.hasBudget() || !(constraints.budget() > 0)) {
            throw new IllegalArgumentException("constraints: maximum Sharpe needs a positive budget, was "
                    + constraints.budget());
        }
        double[] mu = estimates.expectedReturns();
        double highest = highestReturn(estimates.universe(), mu, constraints);
        if (!(highest > riskFreeRate * constraints.budget())) {
            throw new InfeasiblePortfolioException("maximum Sharpe: no feasible portfolio returns more than the "
                    + "risk-free rate " + riskFreeRate);
        }
        WeightModel m = new WeightModel(estimates.universe(), constraints, true);
        addVariance(m, estimates.covariance(), 1.0);
        Expression excess = m.expression().level(1);
        for (int i = 0; i < mu.length; i++) {
            excess.set(m.weights[i], mu[i] - riskFreeRate);
        }
        return OptimalPortfolio.of(estimates, m.solve(true, "maximum Sharpe"));
    }

    @Override
    public OptimalPortfolio riskParity(MarketEstimates estimates) {
        double[] budgets = new double[estimates.universe().size()];
        java.util.Arrays.fill(budgets, 1.0 / budgets.length);
        return riskBudgeting(estimates, budgets);
    }

    @Override
    public OptimalPortfolio riskBudgeting(MarketEstimates estimates, double[] riskBudgets) {
        Objects.requireNonNull(estimates, "estimates");
        if (riskBudgets == null || riskBudgets.length != estimates.universe().size()) {
            throw new IllegalArgumentException("riskBudgets: expected one per asset (" + estimates.universe().size() + ")");
        }
        double total = 0;
        for (int i = 0; i < riskBudgets.length; i++) {
            if (!(riskBudgets[i] > 0) || Double.isInfinite(riskBudgets[i])) {
                throw new IllegalArgumentException("riskBudgets: entry " + i + " must be positive, was " + riskBudgets[i]);
            }
            total += riskBudgets[i];
        }
        double[] budgets = new double[riskBudgets.length];
        for (int i = 0; i < budgets.length; i++) {
            budgets[i] = riskBudgets[i] / total;
        }
        return OptimalPortfolio.of(estimates, RiskParity.weights(estimates.covariance(), budgets));
    }

    @Override
    public OptimalPortfolio minimumCvar(ReturnHistory scenarios, Constraints constraints, double confidence) {
        return minimumCvar(scenarios, constraints, confidence, Double.NEGATIVE_INFINITY);
    }

    @Override
    public OptimalPortfolio minimumCvar(ReturnHistory scenarios, Constraints constraints, double confidence,
            double targetReturn) {
        Objects.requireNonNull(scenarios, "scenarios");
        Objects.requireNonNull(constraints, "constraints");
        constraints.checkFits(scenarios.universe());
        checkConfidence(confidence);
        if (Double.isNaN(targetReturn)) {
            throw new IllegalArgumentException("targetReturn: is NaN");
        }
        MarketEstimates sample = MarketEstimates.fromHistory(scenarios, CovarianceEstimator.SAMPLE);
        WeightModel m = new WeightModel(scenarios.universe(), constraints, false);
        addCvar(m, scenarios, confidence, 1.0);
        if (targetReturn > Double.NEGATIVE_INFINITY) {
            returnFloor(m, sample.expectedReturns(), targetReturn);
        }
        return OptimalPortfolio.of(sample, m.solve(true, "minimum CVaR"));
    }

    @Override
    public OptimalPortfolio blackLitterman(MarketEstimates prior, BlackLitterman model, Constraints constraints) {
        Objects.requireNonNull(model, "model");
        MarketEstimates posterior = model.posterior(prior);
        return maximumUtility(posterior, constraints, model.riskAversion());
    }

    @Override
    public List<ParetoPoint> paretoFront(MarketEstimates estimates, ReturnHistory scenarios, Constraints constraints,
            ParetoSweep sweep) {
        check(estimates, constraints);
        Objects.requireNonNull(scenarios, "scenarios");
        Objects.requireNonNull(sweep, "sweep");
        if (!scenarios.universe().equals(estimates.universe())) {
            throw new IllegalArgumentException("scenarios: universe differs from the estimates' universe");
        }
        double[] mu = estimates.expectedReturns();
        double beta = sweep.confidence();
        double highest = boundedHighestReturn(estimates.universe(), mu, constraints);
        double maxTurnover = constraints.turnoverLimit() < Double.POSITIVE_INFINITY ? constraints.turnoverLimit()
                : 2 * Math.max(sumAbs(constraints.upperBounds()), sumAbs(constraints.lowerBounds()));
        double low = Math.min(minimumVariance(estimates, constraints).expectedReturn(),
                estimates.expectedReturn(lowestCvar(estimates, scenarios, constraints, beta, Double.NEGATIVE_INFINITY)));
        List<ParetoPoint> points = new ArrayList<>();
        for (int t = 0; t < sweep.turnoverSteps(); t++) {
            Constraints limited = sweep.turnoverSteps() == 1 ? constraints
                    : constraints.withTurnoverLimit(constraints.currentWeights(),
                            Math.min(constraints.turnoverLimit(), maxTurnover * (t + 1) / sweep.turnoverSteps()));
            for (int r = 0; r < sweep.returnSteps(); r++) {
                double floor = Math.min(low + (highest - low) * r / (sweep.returnSteps() - 1),
                        highest - 1e-9 * Math.max(1, Math.abs(highest)));
                List<double[]> candidates = new ArrayList<>();
                try {
                    WeightModel varianceModel = new WeightModel(estimates.universe(), limited, false);
                    addVariance(varianceModel, estimates.covariance(), 1.0);
                    returnFloor(varianceModel, mu, floor);
                    double[] leastVariance = varianceModel.solve(true, "Pareto sweep");
                    double[] leastCvar = lowestCvar(estimates, scenarios, limited, beta, floor);
                    candidates.add(leastVariance);
                    candidates.add(leastCvar);
                    double cvarLow = ScenarioRisk.cvar(scenarios, leastCvar, beta);
                    double cvarHigh = ScenarioRisk.cvar(scenarios, leastVariance, beta);
                    for (int k = 1; k < sweep.cvarSteps() - 1; k++) {
                        double cap = cvarLow + (cvarHigh - cvarLow) * k / (sweep.cvarSteps() - 1);
                        WeightModel capped = new WeightModel(estimates.universe(), limited, false);
                        addVariance(capped, estimates.covariance(), 1.0);
                        returnFloor(capped, mu, floor);
                        cvarCap(capped, scenarios, beta, cap);
                        candidates.add(capped.solve(true, "Pareto sweep"));
                    }
                } catch (InfeasiblePortfolioException e) {
                    continue;
                }
                for (double[] w : candidates) {
                    points.add(ParetoPoint.of(w, estimates.expectedReturn(w), estimates.volatility(w),
                            ScenarioRisk.cvar(scenarios, w, beta), constraints.turnover(w)));
                }
            }
        }
        return ParetoPoint.nonDominated(points);
    }

    private static double[] lowestCvar(MarketEstimates estimates, ReturnHistory scenarios, Constraints constraints,
            double confidence, double floor) {
        WeightModel m = new WeightModel(estimates.universe(), constraints, false);
        addCvar(m, scenarios, confidence, 1.0);
        if (floor > Double.NEGATIVE_INFINITY) {
            returnFloor(m, estimates.expectedReturns(), floor);
        }
        return m.solve(true, "Pareto sweep");
    }

    /** {@code alpha + 1/((1-beta) S) sum u_s <= cap} with the Rockafellar-Uryasev constraints on u. */
    private static void cvarCap(WeightModel m, ReturnHistory scenarios, double confidence, double cap) {
        Variable alpha = m.model.addVariable("alpha");
        Expression bound = m.expression().upper(cap + 1e-9);
        bound.set(alpha, 1.0);
        double tail = 1.0 / ((1 - confidence) * scenarios.periods());
        for (int s = 0; s < scenarios.periods(); s++) {
            Variable excess = m.model.addVariable("u" + s).lower(0);
            bound.set(excess, tail);
            Expression shortfall = m.expression().lower(0);
            shortfall.set(excess, 1.0).set(alpha, 1.0);
            for (int i = 0; i < m.weights.length; i++) {
                shortfall.set(m.weights[i], scenarios.get(s, i));
            }
        }
    }

    private static double sumAbs(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += Double.isFinite(v) ? Math.abs(v) : 1;
        }
        return sum;
    }

    private static Expression addVariance(WeightModel m, double[][] covariance, double factor) {
        Expression objective = m.model.addExpression("objective").weight(1.0);
        for (int i = 0; i < covariance.length; i++) {
            for (int j = 0; j < covariance.length; j++) {
                objective.set(m.weights[i], m.weights[j], factor * covariance[i][j]);
            }
        }
        return objective;
    }

    /** Rockafellar-Uryasev: adds alpha, u_s and their part of the objective. */
    private static void addCvar(WeightModel m, ReturnHistory scenarios, double confidence, double factor) {
        Variable alpha = m.model.addVariable("alpha").weight(factor);
        double tail = factor / ((1 - confidence) * scenarios.periods());
        for (int s = 0; s < scenarios.periods(); s++) {
            Variable excess = m.model.addVariable("u" + s).lower(0).weight(tail);
            Expression shortfall = m.expression().lower(0);
            shortfall.set(excess, 1.0).set(alpha, 1.0);
            for (int i = 0; i < m.weights.length; i++) {
                shortfall.set(m.weights[i], scenarios.get(s, i));
            }
        }
    }

    private static void returnFloor(WeightModel m, double[] mu, double floor) {
        Expression ret = m.expression().lower(floor);
        for (int i = 0; i < mu.length; i++) {
            ret.set(m.weights[i], mu[i]);
        }
    }

    /** Highest {@code mu' w} the constraints allow; +infinity when they do not bound it. */
    private static double highestReturn(AssetUniverse universe, double[] mu, Constraints constraints) {
        WeightModel m = new WeightModel(universe, constraints, false);
        Expression objective = m.model.addExpression("objective").weight(1.0);
        for (int i = 0; i < mu.length; i++) {
            objective.set(m.weights[i], mu[i]);
        }
        Optimisation.Result result = m.model.maximise();
        if (result.getState() == Optimisation.State.UNBOUNDED) {
            return Double.POSITIVE_INFINITY;
        }
        if (!result.getState().isFeasible()) {
            throw new InfeasiblePortfolioException("highest return: no portfolio satisfies the constraints (solver state "
                    + result.getState() + ")");
        }
        double r = 0;
        for (int i = 0; i < mu.length; i++) {
            r += mu[i] * m.weights[i].getValue().doubleValue();
        }
        return Math.abs(r) > 1e12 ? Double.POSITIVE_INFINITY : r;
    }

    private static double boundedHighestReturn(AssetUniverse universe, double[] mu, Constraints constraints) {
        double highest = highestReturn(universe, mu, constraints);
        if (highest == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("constraints: expected return is unbounded under them; bound the weights");
        }
        return highest;
    }

    private static void check(MarketEstimates estimates, Constraints constraints) {
        Objects.requireNonNull(estimates, "estimates");
        Objects.requireNonNull(constraints, "constraints");
        constraints.checkFits(estimates.universe());
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence: must be in (0, 1), was " + confidence);
        }
    }

    private static void finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": must be finite, was " + value);
        }
    }
}
