package io.amcp.surveillance;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Post-trade surveillance of the platform's own orders, as {@code TradingNode.orders()} reports them
 * (one account per node). An order's execution time is its last update ({@link OrderView#updatedTime()})
 * and its price its average fill price; a canceled order's cancel time is its last update.
 *
 * <ul>
 * <li>wash trade: a filled buy and a filled sell of one symbol by two different strategies, at prices
 *     within {@code washPriceTolerance} of each other, executed within {@code washWindow};</li>
 * <li>spoofing/layering: an order of at least {@code spoofSizeRatio} times the quantity of an
 *     opposite-side order of the same strategy and symbol, canceled within {@code spoofCancelWithin}
 *     of its placement, while that smaller order filled during the large one's life;</li>
 * <li>order-to-trade ratio: a strategy with at least {@code minOrdersForRatio} orders and more than
 *     {@code maxOrderToTrade} orders per (partly) filled order;</li>
 * <li>restricted list: any fill in a restricted symbol (the pre-trade rule should have stopped it).</li>
 * </ul>
 */
public final class TradeSurveillance {

    private final SurveillanceSettings settings;

    public TradeSurveillance(SurveillanceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Every alert, in time order. */
    public List<Alert> analyse(List<OrderView> orders) {
        List<Alert> alerts = new ArrayList<>();
        washTrades(orders, alerts);
        spoofing(orders, alerts);
        orderToTrade(orders, alerts);
        restricted(orders, alerts);
        alerts.sort(Comparator.comparingLong(Alert::time).thenComparing(a -> a.type().name()));
        return alerts;
    }

    private static boolean filled(OrderView o) {
        return o.filledQuantity().isPositive() && o.averageFillPrice() != null;
    }

    private void washTrades(List<OrderView> orders, List<Alert> alerts) {
        long window = settings.washWindow().toNanos();
        List<OrderView> fills = orders.stream().filter(TradeSurveillance::filled)
                .sorted(Comparator.comparingLong(OrderView::updatedTime)).toList();
        for (int i = 0; i < fills.size(); i++) {
            OrderView a = fills.get(i);
            for (int j = i + 1; j < fills.size() && fills.get(j).updatedTime() - a.updatedTime() <= window; j++) {
                OrderView b = fills.get(j);
                if (a.request().instrument().equals(b.request().instrument()) && a.request().side() != b.request().side()
                        && !a.strategyId().equals(b.strategyId()) && samePrice(a, b)) {
                    alerts.add(new Alert(Alert.Type.WASH_TRADE, b.strategyId(), b.request().instrument(), b.updatedTime(),
                            List.of(a.clientOrderId(), b.clientOrderId()), a.strategyId() + " " + a.request().side() + " "
                            + a.filledQuantity() + " @ " + a.averageFillPrice() + " and " + b.strategyId() + " "
                            + b.request().side() + " " + b.filledQuantity() + " @ " + b.averageFillPrice() + " within "
                            + (b.updatedTime() - a.updatedTime()) / 1_000_000 + " ms: the account traded with itself"));
                }
            }
        }
    }

    private boolean samePrice(OrderView a, OrderView b) {
        double pa = a.averageFillPrice().toDouble();
        double pb = b.averageFillPrice().toDouble();
        return Math.abs(pa - pb) <= settings.washPriceTolerance() * Math.max(pa, pb);
    }

    private void spoofing(List<OrderView> orders, List<Alert> alerts) {
        long within = settings.spoofCancelWithin().toNanos();
        for (OrderView big : orders) {
            if (big.status() != OrderStatus.CANCELED || big.updatedTime() - big.createdTime() > within) {
                continue;
            }
            for (OrderView small : orders) {
                boolean opposite = small.strategyId().equals(big.strategyId())
                        && small.request().instrument().equals(big.request().instrument())
                        && small.request().side() != big.request().side();
                if (opposite && filled(small) && small.updatedTime() >= big.createdTime()
                        && small.updatedTime() <= big.updatedTime()
                        && big.request().quantity().toDouble() >= settings.spoofSizeRatio() * small.filledQuantity().toDouble()) {
                    alerts.add(new Alert(Alert.Type.SPOOFING, big.strategyId(), big.request().instrument(), big.updatedTime(),
                            List.of(big.clientOrderId(), small.clientOrderId()), big.request().side() + " "
                            + big.request().quantity() + " canceled " + (big.updatedTime() - big.createdTime()) / 1_000_000
                            + " ms after placement while " + small.request().side() + " " + small.filledQuantity()
                            + " filled @ " + small.averageFillPrice()));
                }
            }
        }
    }

    private void orderToTrade(List<OrderView> orders, List<Alert> alerts) {
        Map<StrategyId, long[]> counts = new TreeMap<>();
        Map<StrategyId, Long> last = new TreeMap<>();
        for (OrderView o : orders) {
            long[] c = counts.computeIfAbsent(o.strategyId(), k -> new long[2]);
            c[0]++;
            c[1] += o.filledQuantity().isPositive() ? 1 : 0;
            last.merge(o.strategyId(), o.updatedTime(), Math::max);
        }
        counts.forEach((strategy, c) -> {
            double ratio = c[0] / (double) Math.max(1, c[1]);
            if (c[0] >= settings.minOrdersForRatio() && ratio > settings.maxOrderToTrade()) {
                alerts.add(new Alert(Alert.Type.ORDER_TO_TRADE_RATIO, strategy, null, last.get(strategy), List.of(),
                        c[0] + " orders, " + c[1] + " executed: ratio " + String.format(Locale.ROOT, "%.1f", ratio)
                        + " above " + settings.maxOrderToTrade()));
            }
        });
    }

    private void restricted(List<OrderView> orders, List<Alert> alerts) {
        for (OrderView o : orders) {
            InstrumentId symbol = o.request().instrument();
            if (filled(o) && settings.restricted().contains(symbol.value())) {
                List<ClientOrderId> ids = List.of(o.clientOrderId());
                alerts.add(new Alert(Alert.Type.RESTRICTED_LIST, o.strategyId(), symbol, o.updatedTime(), ids,
                        o.request().side() + " " + o.filledQuantity() + " of restricted " + symbol));
            }
        }
    }
}
