package io.amcp.execution;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One execution of a child order, the input of transaction-cost analysis.
 *
 * @param child    the child's client order id ({@code <parent>-c<n>})
 * @param venue    the broker connector id that executed it, e.g. {@code paper}
 * @param time     nanoseconds since the epoch
 * @param quantity executed quantity (positive)
 * @param price    execution price
 * @param fee      commission and fees charged
 */
public record ChildFill(ClientOrderId child, String venue, long time, Quantity quantity, Price price, Money fee) {

    public ChildFill {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        if (quantity == null || !quantity.isPositive()) {
            throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        }
    }

    /** Every fill event as it arrived (a backtest's fills, a node's event tap), all from {@code venue}. */
    public static List<ChildFill> fromFills(List<OrderFilled> fills, String venue) {
        List<ChildFill> out = new ArrayList<>(fills.size());
        for (OrderFilled f : fills) {
            out.add(new ChildFill(f.clientOrderId(), venue, f.time(), f.quantity(), f.price(), f.commission()));
        }
        return out;
    }

    /**
     * One fill per order with a filled quantity, at its average price and last update time, from the
     * OMS snapshots of {@code TradingNode.orders()}. Those carry no commission, so the fee is
     * estimated as {@code feeBps} of the notional.
     */
    public static List<ChildFill> fromOrders(List<OrderView> orders, double feeBps, String venue) {
        if (!(feeBps >= 0)) {
            throw new IllegalArgumentException("feeBps: must be >= 0, was " + feeBps);
        }
        List<ChildFill> out = new ArrayList<>();
        for (OrderView o : orders) {
            if (o.filledQuantity().isPositive() && o.averageFillPrice() != null) {
                double notional = o.filledQuantity().toDouble() * o.averageFillPrice().toDouble();
                out.add(new ChildFill(o.clientOrderId(), venue, o.updatedTime(), o.filledQuantity(), o.averageFillPrice(),
                        Money.of(notional * feeBps / 10_000)));
            }
        }
        return out;
    }
}
