package io.amcp.options.strategy;

import io.amcp.options.OptionValuation;
import java.util.List;

/**
 * What a strategy can make or lose, at the horizon (the nearest option expiry).
 *
 * @param name                 strategy name
 * @param horizonYears         the horizon: the nearest expiry of the option legs
 * @param netPremium           option premium paid minus received (positive: debit)
 * @param maxProfit            the highest profit at the horizon over all underlying prices;
 *                             {@link Double#POSITIVE_INFINITY} when unbounded
 * @param maxLoss              minus the lowest profit (a positive number is a loss; negative when every
 *                             outcome is a gain); {@link Double#POSITIVE_INFINITY} when unbounded
 * @param breakevens           underlying prices at the horizon where the profit crosses zero, ascending
 * @param probabilityOfProfit  probability that the profit at the horizon is positive, under the lognormal
 *                             model with the analysis drift
 * @param netGreeks            sum over legs of signed quantity times Black-Scholes-Merton value and Greeks
 *                             today ({@code price} is the position's model value)
 * @param marginRequirement    strategy-based (Reg-T / CBOE style) margin, see {@link StrategyMargin}
 */
public record StrategyAnalysis(String name, double horizonYears, double netPremium, double maxProfit, double maxLoss,
        List<Double> breakevens, double probabilityOfProfit, OptionValuation netGreeks, double marginRequirement) {

    public StrategyAnalysis {
        breakevens = List.copyOf(breakevens);
    }

    /** True when the profit has no upper bound. */
    public boolean unlimitedProfit() {
        return maxProfit == Double.POSITIVE_INFINITY;
    }

    /** True when the loss has no upper bound. */
    public boolean unlimitedLoss() {
        return maxLoss == Double.POSITIVE_INFINITY;
    }
}
