package io.amcp.options.strategy;

import io.amcp.options.BlackScholesMerton;
import io.amcp.options.OptionInputs;
import io.amcp.options.OptionValuation;
import io.amcp.options.internal.Checks;
import io.amcp.options.internal.Normal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Analyses a strategy at its horizon, the nearest option expiry. Legs expiring then are worth their
 * intrinsic value; legs expiring later (calendars, diagonals) are worth their Black-Scholes-Merton
 * value for the remaining time in the {@link MarketModel}. When every option expires at the horizon
 * the profit is piecewise linear in the underlying price and max profit, max loss and breakevens are
 * exact (kinks at the strikes, slope at infinity from the calls and underlying); otherwise they come
 * from a dense grid refined by bisection. Premiums are not financed (no interest on the debit).
 */
public final class StrategyAnalyzer {

    private static final int GRID = 4001;
    private static final double FLAT = 1e-9;

    private StrategyAnalyzer() {
    }

    /** Analysis with the risk-neutral drift (the market's rate). */
    public static StrategyAnalysis analyze(OptionStrategy strategy, MarketModel market) {
        return analyze(strategy, market, market.rate());
    }

    /**
     * Analysis with a real-world drift for the probability of profit.
     *
     * @param drift expected continuously compounded total return of the underlying per year (before dividend yield)
     */
    public static StrategyAnalysis analyze(OptionStrategy strategy, MarketModel market, double drift) {
        Checks.present("strategy", strategy);
        Checks.present("market", market);
        Checks.finite("drift", drift);
        double horizon = strategy.nearestExpiry();
        double slope = slopeAtInfinity(strategy, market, horizon);
        double[] knots = knots(strategy);
        double maxProfit;
        double minProfit;
        List<Double> breakevens;
        if (isLinear(strategy, horizon)) {
            maxProfit = Double.NEGATIVE_INFINITY;
            minProfit = Double.POSITIVE_INFINITY;
            for (double k : knots) {
                double p = profit(strategy, market, k);
                maxProfit = Math.max(maxProfit, p);
                minProfit = Math.min(minProfit, p);
            }
            breakevens = linearBreakevens(strategy, market, knots, slope);
        } else {
            double hi = gridTop(strategy, market, knots);
            maxProfit = Double.NEGATIVE_INFINITY;
            minProfit = Double.POSITIVE_INFINITY;
            breakevens = new ArrayList<>();
            double prevS = 0;
            double prevP = profit(strategy, market, 0);
            for (int i = 0; i < GRID; i++) {
                double s = hi * i / (GRID - 1);
                double p = profit(strategy, market, s);
                maxProfit = Math.max(maxProfit, p);
                minProfit = Math.min(minProfit, p);
                if (i > 0 && (prevP < 0) != (p < 0)) {
                    breakevens.add(bisect(strategy, market, prevS, s, prevP));
                }
                prevS = s;
                prevP = p;
            }
            // near legs put kinks at their strikes: the extremes of a calendar sit there
            for (double k : knots) {
                double p = profit(strategy, market, k);
                maxProfit = Math.max(maxProfit, p);
                minProfit = Math.min(minProfit, p);
            }
        }
        if (slope > FLAT) {
            maxProfit = Double.POSITIVE_INFINITY;
        } else if (slope < -FLAT) {
            minProfit = Double.NEGATIVE_INFINITY;
        }
        double pop = probabilityOfProfit(strategy, market, drift, horizon, breakevens);
        return new StrategyAnalysis(strategy.name(), horizon, strategy.netOptionPremium(), maxProfit, -minProfit, breakevens,
                pop, netGreeks(strategy, market), StrategyMargin.requirement(strategy, market.spot()));
    }

    /** Profit of the whole strategy at the horizon if the underlying is at {@code price} then. */
    public static double profit(OptionStrategy strategy, MarketModel market, double price) {
        double horizon = strategy.nearestExpiry();
        double sum = 0;
        for (Leg l : strategy.legs()) {
            if (l.isOption() && l.years() > horizon) {
                double value = price <= 0 ? Math.max(0, -l.optionType().sign() * l.strike() * Math.exp(-market.rate() * (l.years() - horizon)))
                        : BlackScholesMerton.price(OptionInputs.of(l.optionType(), price, l.strike(), l.years() - horizon,
                                market.volatility(), market.rate(), market.dividendYield()));
                sum += l.signedQuantity() * (value - l.premium());
            } else {
                sum += l.profitAtExpiry(price);
            }
        }
        return sum;
    }

    /** The profit at the horizon on {@code points} evenly spaced prices from {@code low} to {@code high}. */
    public static PayoffCurve payoff(OptionStrategy strategy, MarketModel market, double low, double high, int points) {
        Checks.nonNegative("low", low);
        if (!(high > low)) {
            throw new IllegalArgumentException("high: must exceed low (" + low + "), was " + high);
        }
        if (points < 2) {
            throw new IllegalArgumentException("points: need at least 2, was " + points);
        }
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = low + (high - low) * i / (points - 1);
            y[i] = profit(strategy, market, x[i]);
        }
        return new PayoffCurve(x, y);
    }

    /** A grid covering the strikes with a margin either side: 0.5x the lowest to 1.5x the highest strike or spot. */
    public static PayoffCurve payoff(OptionStrategy strategy, MarketModel market, int points) {
        double lo = market.spot();
        double hi = market.spot();
        for (Leg l : strategy.legs()) {
            lo = Math.min(lo, l.strike());
            hi = Math.max(hi, l.strike());
        }
        return payoff(strategy, market, 0.5 * lo, 1.5 * hi, points);
    }

    private static boolean isLinear(OptionStrategy s, double horizon) {
        return s.legs().stream().noneMatch(l -> l.isOption() && l.years() > horizon);
    }

    private static double[] knots(OptionStrategy s) {
        TreeSet<Double> set = new TreeSet<>();
        set.add(0.0);
        for (Leg l : s.legs()) {
            if (l.isOption()) {
                set.add(l.strike());
            }
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** d(profit)/dS as S grows without bound. Far calls tend to slope exp(-q * remaining time). */
    private static double slopeAtInfinity(OptionStrategy s, MarketModel market, double horizon) {
        double slope = 0;
        for (Leg l : s.legs()) {
            switch (l.type()) {
                case UNDERLYING -> slope += l.signedQuantity();
                case CALL -> slope += l.signedQuantity()
                        * (l.years() > horizon ? Math.exp(-market.dividendYield() * (l.years() - horizon)) : 1.0);
                case PUT -> {
                }
            }
        }
        return slope;
    }

    private static List<Double> linearBreakevens(OptionStrategy s, MarketModel m, double[] knots, double slope) {
        List<Double> roots = new ArrayList<>();
        for (int i = 0; i < knots.length; i++) {
            double a = knots[i];
            double pa = profit(s, m, a);
            if (pa == 0 && a > 0) {
                double left = profit(s, m, 0.5 * (knots[i - 1] + a));
                double right = i + 1 < knots.length ? profit(s, m, 0.5 * (a + knots[i + 1])) : pa + slope;
                if (Math.signum(left) != Math.signum(right)) {
                    roots.add(a);
                }
            }
            if (i + 1 < knots.length) {
                double b = knots[i + 1];
                double pb = profit(s, m, b);
                if (pa * pb < 0) {
                    roots.add(a + (b - a) * pa / (pa - pb));
                }
            } else if (pa * slope < 0) {
                roots.add(a - pa / slope);
            }
        }
        return roots;
    }

    private static double gridTop(OptionStrategy s, MarketModel m, double[] knots) {
        double far = 0;
        for (Leg l : s.legs()) {
            far = Math.max(far, l.years());
        }
        return Math.max(3 * knots[knots.length - 1], m.spot() * Math.exp(6 * m.volatility() * Math.sqrt(far)));
    }

    private static double bisect(OptionStrategy s, MarketModel m, double a, double b, double pa) {
        for (int i = 0; i < 100 && b - a > 1e-12 * Math.max(1, b); i++) {
            double mid = 0.5 * (a + b);
            double pm = profit(s, m, mid);
            if ((pm < 0) == (pa < 0)) {
                a = mid;
                pa = pm;
            } else {
                b = mid;
            }
        }
        return 0.5 * (a + b);
    }

    /** P(profit &gt; 0) summed over the intervals between breakevens where the profit is positive. */
    private static double probabilityOfProfit(OptionStrategy s, MarketModel m, double drift, double horizon,
            List<Double> breakevens) {
        if (horizon <= 0) {
            return profit(s, m, m.spot() * (1 + 1e-9)) > 0 ? 1.0 : 0.0;
        }
        double volT = m.volatility() * Math.sqrt(horizon);
        double mean = Math.log(m.spot()) + (drift - m.dividendYield() - 0.5 * m.volatility() * m.volatility()) * horizon;
        List<Double> edges = new ArrayList<>();
        edges.add(0.0);
        edges.addAll(breakevens);
        edges.add(Double.POSITIVE_INFINITY);
        double pop = 0;
        for (int i = 0; i + 1 < edges.size(); i++) {
            double a = edges.get(i);
            double b = edges.get(i + 1);
            double probe = Double.isInfinite(b) ? a + Math.max(1.0, a) : 0.5 * (a + b);
            double p = profit(s, m, probe);
            if (p > 0) {
                pop += cdf(b, mean, volT) - cdf(a, mean, volT);
            }
        }
        return Math.min(1.0, Math.max(0.0, pop));
    }

    private static double cdf(double x, double mean, double volT) {
        if (x <= 0) {
            return 0.0;
        }
        if (Double.isInfinite(x)) {
            return 1.0;
        }
        return Normal.cdf((Math.log(x) - mean) / volT);
    }

    private static OptionValuation netGreeks(OptionStrategy s, MarketModel m) {
        OptionValuation sum = OptionValuation.of(0, 0, 0, 0, 0, 0);
        for (Leg l : s.legs()) {
            if (l.isOption()) {
                OptionValuation v = BlackScholesMerton.value(OptionInputs.of(l.optionType(), m.spot(), l.strike(), l.years(),
                        m.volatility(), m.rate(), m.dividendYield()));
                sum = sum.plus(v.times(l.signedQuantity()));
            } else {
                sum = sum.plus(OptionValuation.of(m.spot(), 1, 0, 0, 0, 0).times(l.signedQuantity()));
            }
        }
        return sum;
    }
}
