package io.amcp.api.order;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Command: submit a new order. Validation happens here, so a malformed order never reaches the
 * risk chain; each message names the field at fault using Alpaca's field names.
 *
 * @param clientOrderId idempotency key; null lets the kernel assign one
 * @param instrument    instrument
 * @param side          buy or sell
 * @param type          order type
 * @param quantity      positive quantity
 * @param limitPrice    required for LIMIT and STOP_LIMIT, else null
 * @param stopPrice     required for STOP and STOP_LIMIT, else null
 * @param trailPrice    TRAILING_STOP offset in price units (exactly one of trailPrice/trailPercent)
 * @param trailPercent  TRAILING_STOP offset in percent of the best price, e.g. 2.5
 * @param timeInForce   time in force
 * @param orderClass    simple or linked
 * @param takeProfit    take-profit leg (bracket, OCO, OTO)
 * @param stopLoss      stop-loss leg (bracket, OCO, OTO)
 * @param extendedHours whether the order may fill outside regular US equity hours
 */
public record SubmitOrder(ClientOrderId clientOrderId, InstrumentId instrument, Side side, OrderType type,
        Quantity quantity, Price limitPrice, Price stopPrice, Price trailPrice, BigDecimal trailPercent,
        TimeInForce timeInForce, OrderClass orderClass, TakeProfit takeProfit, StopLoss stopLoss,
        boolean extendedHours) {

    public SubmitOrder {
        require(instrument != null, "symbol", "is required");
        require(side != null, "side", "is required");
        require(type != null, "type", "is required");
        require(timeInForce != null, "time_in_force", "is required");
        require(orderClass != null, "order_class", "is required");
        require(quantity != null && quantity.isPositive(), "qty", "must be positive, was %s", quantity);
        if (type.needsLimitPrice() && orderClass != OrderClass.OCO) {
            require(limitPrice != null && limitPrice.isPositive(), "limit_price",
                    "must be positive for %s orders, was %s", type, limitPrice);
        } else if (orderClass != OrderClass.OCO) {
            require(limitPrice == null, "limit_price", "must be empty for %s orders", type);
        }
        if (type.needsStopPrice()) {
            require(stopPrice != null && stopPrice.isPositive(), "stop_price",
                    "must be positive for %s orders, was %s", type, stopPrice);
        } else {
            require(stopPrice == null, "stop_price", "must be empty for %s orders", type);
        }
        if (type == OrderType.TRAILING_STOP) {
            require((trailPrice == null) != (trailPercent == null), "trail_price",
                    "exactly one of trail_price and trail_percent is required for trailing stops");
            require(trailPrice == null || trailPrice.isPositive(), "trail_price", "must be positive");
            require(trailPercent == null || (trailPercent.signum() > 0 && trailPercent.compareTo(BigDecimal.valueOf(100)) < 0),
                    "trail_percent", "must be between 0 and 100 exclusive, was %s", trailPercent);
        } else {
            require(trailPrice == null && trailPercent == null, "trail_price",
                    "trail_price/trail_percent are only for trailing_stop orders");
        }
        switch (orderClass) {
            case SIMPLE -> require(takeProfit == null && stopLoss == null, "order_class",
                    "take_profit/stop_loss need order_class bracket, oco or oto");
            case BRACKET -> {
                require(takeProfit != null, "take_profit", "is required for bracket orders");
                require(stopLoss != null, "stop_loss", "is required for bracket orders");
                require(type == OrderType.MARKET || type == OrderType.LIMIT, "type",
                        "bracket entry must be market or limit");
                checkExitPrices(side, limitPrice, takeProfit, stopLoss);
            }
            case OCO -> {
                require(takeProfit != null, "take_profit", "is required for oco orders");
                require(stopLoss != null, "stop_loss", "is required for oco orders");
                require(type == OrderType.LIMIT, "type", "oco orders must be of type limit");
            }
            case OTO -> {
                require(takeProfit != null ^ stopLoss != null, "order_class",
                        "oto orders need exactly one of take_profit and stop_loss");
                require(type == OrderType.MARKET || type == OrderType.LIMIT, "type",
                        "oto entry must be market or limit");
                checkExitPrices(side, limitPrice, takeProfit, stopLoss);
            }
            default -> throw new IllegalStateException();
        }
        if (timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK) {
            require(orderClass == OrderClass.SIMPLE, "time_in_force",
                    "%s is only allowed for simple orders", timeInForce);
        }
    }

    private static void checkExitPrices(Side side, Price entryLimit, TakeProfit takeProfit, StopLoss stopLoss) {
        if (takeProfit != null && stopLoss != null) {
            boolean ordered = side == Side.BUY
                    ? takeProfit.limitPrice().compareTo(stopLoss.stopPrice()) > 0
                    : takeProfit.limitPrice().compareTo(stopLoss.stopPrice()) < 0;
            require(ordered, "take_profit.limit_price", side == Side.BUY
                    ? "must be above stop_loss.stop_price for a buy bracket"
                    : "must be below stop_loss.stop_price for a sell bracket");
        }
        if (entryLimit != null && takeProfit != null) {
            boolean beyond = side == Side.BUY
                    ? takeProfit.limitPrice().compareTo(entryLimit) > 0
                    : takeProfit.limitPrice().compareTo(entryLimit) < 0;
            require(beyond, "take_profit.limit_price", "must be on the profit side of limit_price");
        }
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidOrderException(field, message);
        }
    }

    /** Like {@link #require(boolean, String, String)}; the message is formatted only on failure (hot path). */
    private static void require(boolean condition, String field, String format, Object value) {
        if (!condition) {
            throw new InvalidOrderException(field, String.format(format, value));
        }
    }

    private static void require(boolean condition, String field, String format, Object first, Object second) {
        if (!condition) {
            throw new InvalidOrderException(field, String.format(format, first, second));
        }
    }

    /** A market order, day, simple. */
    public static SubmitOrder market(InstrumentId instrument, Side side, Quantity quantity) {
        return builder(instrument, side, quantity).build();
    }

    /** A limit order, day, simple. */
    public static SubmitOrder limit(InstrumentId instrument, Side side, Quantity quantity, Price limitPrice) {
        return builder(instrument, side, quantity).type(OrderType.LIMIT).limitPrice(limitPrice).build();
    }

    /** A stop order, day, simple. */
    public static SubmitOrder stop(InstrumentId instrument, Side side, Quantity quantity, Price stopPrice) {
        return builder(instrument, side, quantity).type(OrderType.STOP).stopPrice(stopPrice).build();
    }

    public static Builder builder(InstrumentId instrument, Side side, Quantity quantity) {
        return new Builder(instrument, side, quantity);
    }

    /** Suffix of a linked order's take-profit leg id: {@code <id>-tp}. */
    public static final String TAKE_PROFIT_SUFFIX = "-tp";

    /** Suffix of a linked order's stop-loss leg id: {@code <id>-sl}. */
    public static final String STOP_LOSS_SUFFIX = "-sl";

    /**
     * The take-profit leg of this bracket/OCO/OTO order as its own simple order: a limit on the exit
     * side (for OCO, which is itself the exit, on this order's side), id {@code <id>-tp}, GTC if the
     * parent is GTC else DAY.
     */
    public SubmitOrder takeProfitLeg() {
        return legBuilder(TAKE_PROFIT_SUFFIX).type(OrderType.LIMIT).limitPrice(takeProfit.limitPrice()).build();
    }

    /** The stop-loss leg: a stop (or stop-limit) on the exit side, id {@code <id>-sl}. */
    public SubmitOrder stopLossLeg() {
        Price limit = stopLoss.limitPrice();
        return legBuilder(STOP_LOSS_SUFFIX).type(limit == null ? OrderType.STOP : OrderType.STOP_LIMIT)
                .stopPrice(stopLoss.stopPrice()).limitPrice(limit).build();
    }

    private Builder legBuilder(String suffix) {
        if (clientOrderId == null) {
            throw new IllegalStateException("legs need the parent's client order id");
        }
        Side legSide = orderClass == OrderClass.OCO ? side : side.opposite();
        return builder(instrument, legSide, quantity)
                .clientOrderId(ClientOrderId.of(clientOrderId.value() + suffix))
                .timeInForce(timeInForce == TimeInForce.GTC ? TimeInForce.GTC : TimeInForce.DAY);
    }

    /** A builder that starts from this order. */
    public Builder toBuilder() {
        Builder b = new Builder(instrument, side, quantity);
        b.clientOrderId = clientOrderId;
        b.type = type;
        b.limitPrice = limitPrice;
        b.stopPrice = stopPrice;
        b.trailPrice = trailPrice;
        b.trailPercent = trailPercent;
        b.timeInForce = timeInForce;
        b.orderClass = orderClass;
        b.takeProfit = takeProfit;
        b.stopLoss = stopLoss;
        b.extendedHours = extendedHours;
        return b;
    }

    /** The same order under another client order id. */
    public SubmitOrder withClientOrderId(ClientOrderId id) {
        return toBuilder().clientOrderId(Objects.requireNonNull(id, "clientOrderId")).build();
    }

    /** Fluent construction; {@link #build()} validates. */
    public static final class Builder {
        private ClientOrderId clientOrderId;
        private InstrumentId instrument;
        private Side side;
        private Quantity quantity;
        private OrderType type = OrderType.MARKET;
        private Price limitPrice;
        private Price stopPrice;
        private Price trailPrice;
        private BigDecimal trailPercent;
        private TimeInForce timeInForce = TimeInForce.DAY;
        private OrderClass orderClass = OrderClass.SIMPLE;
        private TakeProfit takeProfit;
        private StopLoss stopLoss;
        private boolean extendedHours;

        private Builder(InstrumentId instrument, Side side, Quantity quantity) {
            this.instrument = instrument;
            this.side = side;
            this.quantity = quantity;
        }

        public Builder clientOrderId(ClientOrderId v) { this.clientOrderId = v; return this; }
        public Builder instrument(InstrumentId v) { this.instrument = v; return this; }
        public Builder side(Side v) { this.side = v; return this; }
        public Builder quantity(Quantity v) { this.quantity = v; return this; }
        public Builder type(OrderType v) { this.type = v; return this; }
        public Builder limitPrice(Price v) { this.limitPrice = v; return this; }
        public Builder stopPrice(Price v) { this.stopPrice = v; return this; }
        public Builder trailPrice(Price v) { this.trailPrice = v; return this; }
        public Builder trailPercent(BigDecimal v) { this.trailPercent = v; return this; }
        public Builder timeInForce(TimeInForce v) { this.timeInForce = v; return this; }
        public Builder orderClass(OrderClass v) { this.orderClass = v; return this; }
        public Builder takeProfit(TakeProfit v) { this.takeProfit = v; return this; }
        public Builder stopLoss(StopLoss v) { this.stopLoss = v; return this; }
        public Builder extendedHours(boolean v) { this.extendedHours = v; return this; }

        /** A bracket: this entry plus a take-profit and a stop-loss. */
        public Builder bracket(TakeProfit tp, StopLoss sl) {
            this.orderClass = OrderClass.BRACKET;
            this.takeProfit = tp;
            this.stopLoss = sl;
            return this;
        }

        public SubmitOrder build() {
            return new SubmitOrder(clientOrderId, instrument, side, type, quantity, limitPrice, stopPrice, trailPrice,
                    trailPercent, timeInForce, orderClass, takeProfit, stopLoss, extendedHours);
        }
    }
}
