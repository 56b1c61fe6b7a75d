package io.amcp.portfolio.internal;

import io.amcp.portfolio.AssetUniverse;
import io.amcp.portfolio.Constraints;
import io.amcp.portfolio.InfeasiblePortfolioException;
import java.util.HashMap;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * An ojAlgo model over one weight variable per asset with every {@link Constraints} rule added.
 * In homogeneous form (for the maximum Sharpe transform) the variables are {@code y = kappa w} and
 * every constant {@code c} of a constraint becomes {@code c kappa}.
 */
final class WeightModel {

    /** Bounds a solve that cycles; such a solve ends non-optimal and is reported as infeasible. */
    private static final long SOLVE_TIME_LIMIT_MS = 10_000;

    final ExpressionsBasedModel model = new ExpressionsBasedModel();
    final Variable[] weights;
    private final Variable scale;
    private int names;

    WeightModel(AssetUniverse universe, Constraints constraints, boolean homogeneous) {
        int n = universe.size();
        weights = new Variable[n];
        scale = homogeneous ? model.addVariable("kappa").lower(0) : null;
        double[] lower = constraints.lowerBounds();
        double[] upper = constraints.upperBounds();
        for (int i = 0; i < n; i++) {
            weights[i] = model.addVariable("w" + i);
            if (homogeneous) {
                if (lower[i] >= 0) {
                    weights[i].lower(0);
                }
                range(Map.of(weights[i], 1.0), lower[i], upper[i]);
            } else {
                if (lower[i] > Double.NEGATIVE_INFINITY) {
                    weights[i].lower(lower[i]);
                }
                if (upper[i] < Double.POSITIVE_INFINITY) {
                    weights[i].upper(upper[i]);
                }
            }
        }
        if (constraints.hasBudget()) {
            // The budget fixes net exposure; a second, redundant equality row stalls the QP solver.
            if (constraints.budget() < constraints.netMin() || constraints.budget() > constraints.netMax()) {
                throw new InfeasiblePortfolioException("constraints: budget " + constraints.budget()
                        + " is outside the net exposure limits [" + constraints.netMin() + ", " + constraints.netMax() + "]");
            }
            range(all(1.0), constraints.budget(), constraints.budget());
        } else {
            range(all(1.0), constraints.netMin(), constraints.netMax());
        }
        constraints.sectorCaps().forEach((sector, cap) -> {
            Map<Variable, Double> members = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (universe.sector(i).equals(sector)) {
                    members.put(weights[i], 1.0);
                }
            }
            range(members, Double.NEGATIVE_INFINITY, cap);
        });
        if (constraints.grossLimit() < Double.POSITIVE_INFINITY) {
            Map<Variable, Double> gross = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Variable longPart = model.addVariable("long" + i).lower(0);
                Variable shortPart = model.addVariable("short" + i).lower(0);
                range(Map.of(weights[i], 1.0, longPart, -1.0, shortPart, 1.0), 0, 0);
                gross.put(longPart, 1.0);
                gross.put(shortPart, 1.0);
            }
            range(gross, Double.NEGATIVE_INFINITY, constraints.grossLimit());
        }
        if (constraints.turnoverLimit() < Double.POSITIVE_INFINITY) {
            double[] current = constraints.currentWeights();
            Map<Variable, Double> turnover = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Variable trade = model.addVariable("trade" + i).lower(0);
                range(Map.of(trade, 1.0, weights[i], -1.0), -current[i], Double.POSITIVE_INFINITY);
                range(Map.of(trade, 1.0, weights[i], 1.0), current[i], Double.POSITIVE_INFINITY);
                turnover.put(trade, 1.0);
            }
            range(turnover, Double.NEGATIVE_INFINITY, constraints.turnoverLimit());
        }
    }

    Expression expression() {
        return model.addExpression("c" + names++);
    }

    /** {@code lo <= sum terms <= hi}, constants scaled by kappa in homogeneous form. */
    void range(Map<Variable, Double> terms, double lo, double hi) {
        if (scale == null) {
            if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
                return;
            }
            Expression e = expression();
            terms.forEach(e::set);
            if (lo > Double.NEGATIVE_INFINITY) {
                e.lower(lo);
            }
            if (hi < Double.POSITIVE_INFINITY) {
                e.upper(hi);
            }
            return;
        }
        if (lo == hi) {
            Expression e = expression();
            terms.forEach(e::set);
            e.set(scale, -lo).level(0);
            return;
        }
        if (lo > Double.NEGATIVE_INFINITY) {
            Expression e = expression();
            terms.forEach(e::set);
            e.set(scale, -lo).lower(0);
        }
        if (hi < Double.POSITIVE_INFINITY) {
            Expression e = expression();
            terms.forEach(e::set);
            e.set(scale, -hi).upper(0);
        }
    }

    private Map<Variable, Double> all(double coefficient) {
        Map<Variable, Double> terms = new HashMap<>();
        for (Variable w : weights) {
            terms.put(w, coefficient);
        }
        return terms;
    }

    Variable scale() {
        return scale;
    }

    /** Solves and returns the weight values, divided by kappa in homogeneous form. */
    double[] solve(boolean minimise, String problem) {
        model.options.time_abort = SOLVE_TIME_LIMIT_MS;
        Optimisation.Result result = minimise ? model.minimise() : model.maximise();
        if (!result.getState().isOptimal()) {
            throw new InfeasiblePortfolioException(problem + ": no optimal portfolio satisfies the constraints (solver state "
                    + result.getState() + ")");
        }
        double[] w = new double[weights.length];
        double kappa = scale == null ? 1 : scale.getValue().doubleValue();
        if (scale != null && !(kappa > 0)) {
            throw new InfeasiblePortfolioException(problem + ": degenerate solution (kappa = " + kappa + ")");
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i].getValue().doubleValue() / kappa;
        }
        return w;
    }
}
