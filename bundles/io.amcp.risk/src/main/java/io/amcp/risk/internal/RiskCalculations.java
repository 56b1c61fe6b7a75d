package io.amcp.risk.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.risk.AggregatedGreeks;
import io.amcp.risk.BetaReport;
import io.amcp.risk.ComponentVar;
import io.amcp.risk.Concentration;
import io.amcp.risk.Exposure;
import io.amcp.risk.MarginPolicy;
import io.amcp.risk.MarginUsage;
import io.amcp.risk.Position;
import io.amcp.risk.ReturnDistribution;
import io.amcp.risk.VarEstimate;
import io.amcp.risk.VarMethod;
import io.amcp.risk.stress.PositionPnl;
import io.amcp.risk.stress.StressResult;
import io.amcp.risk.stress.StressScenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The risk measures, as functions of positions and a {@link FactorModel}. */
public final class RiskCalculations {

    private RiskCalculations() {
    }

    /**
     * Dollar delta and dollar gamma per asset of the model: {@code [0]} = delta, {@code [1]} = gamma.
     *
     * @param field name of the list the positions come from, for errors
     */
    public static double[][] factorExposures(List<Position> positions, FactorModel model, String field) {
        double[] delta = new double[model.size()];
        double[] gamma = new double[model.size()];
        for (int k = 0; k < positions.size(); k++) {
            Position position = positions.get(k);
            int asset = model.indexOf(position.underlying());
            if (asset < 0) {
                throw new IllegalArgumentException(field + "[" + k + "].underlying: no returns history for "
                        + position.underlying());
            }
            delta[asset] += position.dollarDelta();
            gamma[asset] += position.returnGamma();
        }
        return new double[][] {delta, gamma};
    }

    /** Portfolio standard deviation of one-day P&L, {@code sqrt(e' Σ e)}. */
    public static double pnlStandardDeviation(double[] delta, FactorModel model) {
        double variance = Matrices.dot(delta, Matrices.multiply(model.covariance(), delta, model.size()));
        return Math.sqrt(Math.max(0.0, variance));
    }

    /** Normal variance-covariance VaR and CVaR with zero mean, delta only. */
    public static VarEstimate parametric(double[] delta, FactorModel model, double confidence) {
        double sigma = pnlStandardDeviation(delta, model);
        double z = NormalDistribution.quantile(confidence);
        double cvar = sigma * NormalDistribution.density(z) / (1.0 - confidence);
        return VarEstimate.of(VarMethod.PARAMETRIC, confidence, z * sigma, cvar);
    }

    /** Euler allocation of the parametric VaR to each asset with exposure. */
    public static List<ComponentVar> componentVar(double[] delta, FactorModel model, double confidence) {
        double[] sigmaTimesExposure = Matrices.multiply(model.covariance(), delta, model.size());
        double sigma = Math.sqrt(Math.max(0.0, Matrices.dot(delta, sigmaTimesExposure)));
        double z = NormalDistribution.quantile(confidence);
        double var = z * sigma;
        List<ComponentVar> components = new ArrayList<>();
        for (int a = 0; a < model.size(); a++) {
            if (delta[a] == 0.0) {
                continue;
            }
            double marginal = sigma == 0.0 ? 0.0 : z * sigmaTimesExposure[a] / sigma;
            double component = delta[a] * marginal;
            components.add(new ComponentVar(model.symbols().get(a), delta[a], confidence, marginal, component,
                    var == 0.0 ? 0.0 : component / var));
        }
        return components;
    }

    /** Historical P&L of each day of the history, delta-gamma revaluation. */
    public static double[] historicalPnl(double[] delta, double[] gamma, FactorModel model) {
        double[][] returns = model.returns();
        double[] pnl = new double[returns[0].length];
        for (int a = 0; a < returns.length; a++) {
            double e = delta[a];
            double halfGamma = 0.5 * gamma[a];
            if (e == 0.0 && halfGamma == 0.0) {
                continue;
            }
            double[] row = returns[a];
            for (int d = 0; d < pnl.length; d++) {
                pnl[d] += row[d] * (e + halfGamma * row[d]);
            }
        }
        return pnl;
    }

    /** VaR/CVaR of a P&L sample at each confidence level (sorts {@code pnl}). */
    public static List<VarEstimate> fromSample(VarMethod method, double[] pnl, List<Double> confidences) {
        Arrays.sort(pnl);
        List<VarEstimate> estimates = new ArrayList<>();
        for (double confidence : confidences) {
            double[] tail = TailStatistics.varAndCvarOfSorted(pnl, confidence);
            estimates.add(VarEstimate.of(method, confidence, tail[0], tail[1]));
        }
        return estimates;
    }

    /** Monte Carlo P&L sample. */
    public static double[] monteCarloPnl(double[] delta, double[] gamma, FactorModel model, int paths, long seed,
            ReturnDistribution distribution, boolean parallel) {
        return MonteCarloSimulation.simulate(model.lower(), model.size(), delta, gamma, paths, seed,
                distribution.degreesOfFreedom(), parallel);
    }

    /** Betas of the assets and of the portfolio. */
    public static BetaReport beta(double[] delta, FactorModel model) {
        Map<InstrumentId, Double> assetBetas = new LinkedHashMap<>();
        double betaDollars = 0.0;
        double net = 0.0;
        for (int a = 0; a < model.size(); a++) {
            assetBetas.put(model.symbols().get(a), model.betas()[a]);
            betaDollars += delta[a] * model.betas()[a];
            net += delta[a];
        }
        return new BetaReport(model.benchmarkName(), assetBetas, betaDollars, net == 0.0 ? Double.NaN : betaDollars / net);
    }

    /** Long, short, gross and net market value. */
    public static Exposure exposure(List<Position> positions, double cash) {
        double longValue = 0.0;
        double shortValue = 0.0;
        for (Position position : positions) {
            double value = position.marketValue();
            if (value > 0.0) {
                longValue += value;
            } else {
                shortValue += value;
            }
        }
        double equity = cash + longValue + shortValue;
        double gross = longValue - shortValue;
        return new Exposure(longValue, shortValue, gross, longValue + shortValue,
                equity > 0.0 ? gross / equity : Double.NaN);
    }

    /** Margin requirements under {@code policy}. */
    public static MarginUsage margin(List<Position> positions, double cash, MarginPolicy policy) {
        double initial = 0.0;
        double maintenance = 0.0;
        double longValue = 0.0;
        for (Position position : positions) {
            double value = position.marketValue();
            if (value > 0.0) {
                longValue += value;
                if (position.hasGreeks()) {
                    initial += value * policy.longOptionRequirement();
                    maintenance += value * policy.longOptionRequirement();
                } else {
                    initial += value * policy.longInitial();
                    maintenance += value * policy.longMaintenance();
                }
            } else {
                initial -= value * policy.shortInitial();
                maintenance -= value * policy.shortMaintenance();
            }
        }
        double assets = cash + longValue;
        return new MarginUsage(initial, maintenance, assets, usage(initial, assets), usage(maintenance, assets),
                assets - initial, maintenance > assets);
    }

    private static double usage(double requirement, double assets) {
        if (requirement == 0.0) {
            return 0.0;
        }
        return assets > 0.0 ? requirement / assets : Double.POSITIVE_INFINITY;
    }

    /** Concentration of gross market value by symbol. */
    public static Concentration<InstrumentId> bySymbol(List<Position> positions) {
        Map<InstrumentId, Double> absolute = new LinkedHashMap<>();
        for (Position position : positions) {
            absolute.merge(position.symbol(), Math.abs(position.marketValue()), Double::sum);
        }
        return concentration(absolute);
    }

    /** Concentration of gross market value by sector. */
    public static Concentration<String> bySector(List<Position> positions) {
        Map<String, Double> absolute = new LinkedHashMap<>();
        for (Position position : positions) {
            absolute.merge(position.sector(), Math.abs(position.marketValue()), Double::sum);
        }
        return concentration(absolute);
    }

    private static <K> Concentration<K> concentration(Map<K, Double> absolute) {
        double gross = 0.0;
        for (double value : absolute.values()) {
            gross += value;
        }
        Map<K, Double> weights = new HashMap<>();
        double herfindahl = 0.0;
        double largest = 0.0;
        for (Map.Entry<K, Double> entry : absolute.entrySet()) {
            double weight = gross == 0.0 ? 0.0 : entry.getValue() / gross;
            weights.put(entry.getKey(), weight);
            herfindahl += weight * weight;
            largest = Math.max(largest, weight);
        }
        return new Concentration<>(weights, herfindahl, largest);
    }

    /** Greeks summed over positions. */
    public static AggregatedGreeks greeks(List<Position> positions) {
        double dollarDelta = 0.0;
        double dollarGamma = 0.0;
        double vega = 0.0;
        double theta = 0.0;
        double rho = 0.0;
        for (Position position : positions) {
            dollarDelta += position.dollarDelta();
            dollarGamma += position.returnGamma() / 100.0;
            if (position.hasGreeks()) {
                double units = position.quantity() * position.multiplier();
                vega += units * position.greeks().vega();
                theta += units * position.greeks().theta();
                rho += units * position.greeks().rho();
            }
        }
        return new AggregatedGreeks(dollarDelta, dollarGamma, vega, theta, rho);
    }

    /** Per-position and total P&L of an instantaneous shock. */
    public static StressResult stress(List<Position> positions, double cash, StressScenario scenario) {
        List<PositionPnl> pnls = new ArrayList<>(positions.size());
        double total = 0.0;
        double equity = cash;
        for (Position position : positions) {
            equity += position.marketValue();
            double shock = scenario.priceShockFor(position.symbol(), position.underlying(), position.sector());
            double pricePnl;
            double volPnl = 0.0;
            double ratePnl = 0.0;
            if (position.hasGreeks()) {
                double units = position.quantity() * position.multiplier();
                double move = position.greeks().underlyingPrice() * shock;
                pricePnl = units * (position.greeks().delta() * move + 0.5 * position.greeks().gamma() * move * move);
                volPnl = units * position.greeks().vega() * position.greeks().impliedVolatility() * scenario.volShock();
                ratePnl = units * position.greeks().rho() * scenario.rateShock();
            } else {
                pricePnl = position.marketValue() * shock;
            }
            double positionTotal = pricePnl + volPnl + ratePnl;
            total += positionTotal;
            pnls.add(new PositionPnl(position.symbol(), shock, pricePnl, volPnl, ratePnl, positionTotal));
        }
        return new StressResult(scenario.name(), pnls, total, equity > 0.0 ? total / equity : Double.NaN);
    }
}
