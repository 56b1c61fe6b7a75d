package io.amcp.risk.rules.internal;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.spi.RiskContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Exposure arithmetic the rules share (doubles: risk math; the ledger keeps the fixed-point truth). */
final class Exposures {

    private Exposures() {
    }

    /** The price an order is valued at: its limit, else its stop, else the last price; NaN if none is known. */
    static double referencePrice(SubmitOrder order, RiskContext context) {
        if (order.limitPrice() != null) {
            return order.limitPrice().toDouble();
        }
        if (order.stopPrice() != null) {
            return order.stopPrice().toDouble();
        }
        Price last = context.lastPrice(order.instrument());
        return last == null ? Double.NaN : last.toDouble();
    }

    /** The order's signed quantity: positive for a buy. */
    static double signedQuantity(SubmitOrder order) {
        return order.side().sign() * order.quantity().toDouble();
    }

    /** Signed market value the order adds: quantity x reference price x multiplier (NaN without a price). */
    static double signedNotional(SubmitOrder order, RiskContext context) {
        return signedQuantity(order) * referencePrice(order, context) * multiplier(context, order.instrument());
    }

    static double multiplier(RiskContext context, InstrumentId instrument) {
        return context.instrument(instrument).multiplier();
    }

    /** Signed market value of the position held now (quantity x last mark x multiplier). */
    static double marketValue(RiskContext context, InstrumentId instrument) {
        return context.position(instrument).marketValue().toDouble();
    }

    /** Whether the order opens or increases a position (any part of it). */
    static boolean increases(SubmitOrder order, RiskContext context) {
        long position = context.position(order.instrument()).quantity().raw();
        boolean reducing = (order.side() == Side.SELL && position > 0) || (order.side() == Side.BUY && position < 0);
        return !reducing || order.quantity().raw() > Math.abs(position);
    }

    /** Gross exposure: long market value plus the absolute short market value. */
    static double gross(AccountView account) {
        return account.longMarketValue().toDouble() - account.shortMarketValue().toDouble();
    }

    /**
     * Market orders that cut each position in {@code instruments} by {@code fraction} (0..1] of its
     * quantity, rounded up to whole units for whole positions, never beyond flat.
     */
    static List<SubmitOrder> scaleDown(RiskContext context, Collection<InstrumentId> instruments, double fraction) {
        List<SubmitOrder> orders = new ArrayList<>();
        for (InstrumentId id : instruments) {
            Quantity held = context.position(id).quantity();
            if (held.isZero()) {
                continue;
            }
            Quantity cut = cut(held.abs(), fraction);
            if (cut.isPositive()) {
                orders.add(SubmitOrder.market(id, held.isPositive() ? Side.SELL : Side.BUY, cut));
            }
        }
        return orders;
    }

    /** {@code fraction} of {@code held} (positive), rounded up to a whole unit when {@code held} is whole, at most {@code held}. */
    static Quantity cut(Quantity held, double fraction) {
        double units = held.toDouble() * Math.min(1.0, fraction);
        Quantity cut = held.isWhole() ? Quantity.of((long) Math.ceil(units - 1e-9)) : Quantity.of(units);
        return cut.min(held);
    }

    static String money(double amount) {
        return String.format(Locale.ROOT, "%.2f", amount);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A configured percentage as a plain number, e.g. {@code 25} or {@code 2.5}. */
    static String plain(double value) {
        return FixedPoint.format(FixedPoint.fromDouble(value));
    }
}
