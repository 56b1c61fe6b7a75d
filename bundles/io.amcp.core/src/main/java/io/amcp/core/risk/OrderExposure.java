package io.amcp.core.risk;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.Price;
import io.amcp.api.model.Side;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;

/** What a new order would add to risk, shared by the built-in rules. */
public final class OrderExposure {

    private OrderExposure() {
    }

    /**
     * The price used to value an order: its limit, else its stop, else the last price; null if none
     * is known (a market order on a never-priced instrument).
     */
    public static Price referencePrice(SubmitOrder order, RiskContext context) {
        if (order.limitPrice() != null) {
            return order.limitPrice();
        }
        if (order.stopPrice() != null) {
            return order.stopPrice();
        }
        return context.lastPrice(order.instrument());
    }

    /** Order notional in raw money units (price x quantity x multiplier), or -1 if no price is known. */
    public static long notionalRaw(SubmitOrder order, RiskContext context) {
        return notionalRaw(order, context, order.quantity().raw());
    }

    static long notionalRaw(SubmitOrder order, RiskContext context, long quantityRaw) {
        Price price = referencePrice(order, context);
        if (price == null) {
            return -1;
        }
        Instrument instrument = context.instrument(order.instrument());
        return Math.multiplyExact(FixedPoint.multiply(price.raw(), quantityRaw), instrument.multiplier());
    }

    /**
     * The part of the order's quantity that opens or increases a position (raw units); the rest
     * only reduces the current position.
     */
    public static long increasingQuantityRaw(SubmitOrder order, RiskContext context) {
        long position = context.position(order.instrument()).quantity().raw();
        long qty = order.quantity().raw();
        boolean reducing = (order.side() == Side.SELL && position > 0) || (order.side() == Side.BUY && position < 0);
        return reducing ? Math.max(0, qty - Math.abs(position)) : qty;
    }
}
