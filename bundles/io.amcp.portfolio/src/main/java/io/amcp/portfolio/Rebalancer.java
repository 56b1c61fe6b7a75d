package io.amcp.portfolio;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Turns target weights into orders. Net asset value is cash plus every position at its price;
 * current weights are position values over it. When the turnover {@code sum |target - current|}
 * exceeds the limit, every weight moves the same fraction {@code limit / turnover} of the way
 * (which keeps the budget). Each order's quantity is then rounded towards zero to whole lots, so
 * rounding never adds turnover. Instruments absent from the targets are sold down to zero.
 */
public final class Rebalancer {

    private Rebalancer() {
    }

    /**
     * The orders, in symbol order.
     *
     * @param positions     quantity held per instrument (negative when short)
     * @param cash          cash held
     * @param prices        price of every instrument held or targeted
     * @param targetWeights target weight per instrument
     * @param lotSizes      lot size per instrument; missing means 1
     * @param turnoverLimit most turnover allowed, or +infinity
     */
    public static List<RebalanceOrder> orders(Map<InstrumentId, Quantity> positions, Money cash,
            Map<InstrumentId, Price> prices, Map<InstrumentId, Double> targetWeights, Map<InstrumentId, Quantity> lotSizes,
            double turnoverLimit) {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(targetWeights, "targetWeights");
        Objects.requireNonNull(lotSizes, "lotSizes");
        if (!(turnoverLimit >= 0)) {
            throw new IllegalArgumentException("turnoverLimit: must be >= 0, was " + turnoverLimit);
        }
        TreeSet<InstrumentId> symbols = new TreeSet<>(positions.keySet());
        symbols.addAll(targetWeights.keySet());
        double nav = cash.toDouble();
        for (InstrumentId id : symbols) {
            Price price = prices.get(id);
            if (price == null || !price.isPositive()) {
                throw new IllegalArgumentException("prices: no positive price for " + id);
            }
            nav += positions.getOrDefault(id, Quantity.ZERO).toDouble() * price.toDouble();
        }
        if (!(nav > 0)) {
            throw new IllegalArgumentException("positions: net asset value must be positive, was " + nav);
        }
        double turnover = 0;
        for (InstrumentId id : symbols) {
            Double target = targetWeights.getOrDefault(id, 0.0);
            if (target == null || !Double.isFinite(target)) {
                throw new IllegalArgumentException("targetWeights: weight of " + id + " is not finite");
            }
            turnover += Math.abs(target - currentWeight(id, positions, prices, nav));
        }
        double fraction = turnover > turnoverLimit ? turnoverLimit / turnover : 1;
        List<RebalanceOrder> orders = new ArrayList<>();
        for (InstrumentId id : symbols) {
            double current = currentWeight(id, positions, prices, nav);
            double weight = current + fraction * (targetWeights.getOrDefault(id, 0.0) - current);
            double delta = weight * nav / prices.get(id).toDouble() - positions.getOrDefault(id, Quantity.ZERO).toDouble();
            Quantity lot = lotSizes.getOrDefault(id, Quantity.of(1));
            if (!lot.isPositive()) {
                throw new IllegalArgumentException("lotSizes: lot of " + id + " must be positive, was " + lot);
            }
            BigDecimal lots = BigDecimal.valueOf(Math.abs(delta)).divide(lot.toDecimal(), 0, RoundingMode.DOWN);
            if (lots.signum() > 0) {
                Quantity quantity = Quantity.of(lots.multiply(lot.toDecimal()));
                orders.add(RebalanceOrder.of(id, delta > 0 ? Side.BUY : Side.SELL, quantity));
            }
        }
        return orders;
    }

    private static double currentWeight(InstrumentId id, Map<InstrumentId, Quantity> positions,
            Map<InstrumentId, Price> prices, double nav) {
        return positions.getOrDefault(id, Quantity.ZERO).toDouble() * prices.get(id).toDouble() / nav;
    }
}
