package io.amcp.web.internal;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.InvalidOrderException;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.StopLoss;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TakeProfit;
import io.amcp.api.order.TimeInForce;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * Alpaca order requests (POST and PATCH /v2/orders bodies) to platform commands. Decimal fields may be
 * JSON strings (as Alpaca documents them) or numbers; every error is an {@link ApiError} 422 naming the
 * field.
 */
public final class OrderRequests {

    private OrderRequests() {
    }

    /** A submit body to a command; a missing client_order_id gets a random UUID, as Alpaca assigns one. */
    public static SubmitOrder submit(JsonObject body) {
        if (body.getValue("notional") != null) {
            throw ApiError.invalidField("notional", "notional orders are not supported by this server; send qty");
        }
        try {
            InstrumentId symbol = symbol(body);
            SubmitOrder.Builder b = SubmitOrder.builder(symbol, side(body), quantity(body, "qty"))
                    .clientOrderId(clientOrderId(body, "client_order_id", true))
                    .type(enumValue(body, "type", OrderType.class, OrderType.MARKET))
                    .timeInForce(enumValue(body, "time_in_force", TimeInForce.class, null))
                    .orderClass(orderClass(body))
                    .limitPrice(price(body, "limit_price"))
                    .stopPrice(price(body, "stop_price"))
                    .trailPrice(price(body, "trail_price"))
                    .trailPercent(decimal(body, "trail_percent"))
                    .extendedHours(bool(body, "extended_hours"));
            JsonObject takeProfit = object(body, "take_profit");
            if (takeProfit != null) {
                Price limit = price(takeProfit, "limit_price", "take_profit.limit_price");
                if (limit == null) {
                    throw ApiError.invalidField("take_profit.limit_price", "is required");
                }
                b.takeProfit(TakeProfit.at(limit));
            }
            JsonObject stopLoss = object(body, "stop_loss");
            if (stopLoss != null) {
                Price stop = price(stopLoss, "stop_price", "stop_loss.stop_price");
                if (stop == null) {
                    throw ApiError.invalidField("stop_loss.stop_price", "is required");
                }
                b.stopLoss(StopLoss.at(stop, price(stopLoss, "limit_price", "stop_loss.limit_price")));
            }
            return b.build();
        } catch (InvalidOrderException e) {
            throw ApiError.invalidField(e.field(), messageOf(e));
        } catch (IllegalArgumentException e) {
            throw fieldError(e);
        }
    }

    /** A PATCH body to a replace of {@code old}; a missing client_order_id gets a random UUID. */
    public static ReplaceOrder replace(ClientOrderId old, JsonObject body) {
        for (String unsupported : new String[] {"trail", "time_in_force"}) {
            if (body.getValue(unsupported) != null) {
                throw ApiError.invalidField(unsupported, "cannot be changed by a replace on this server");
            }
        }
        try {
            return new ReplaceOrder(old, clientOrderId(body, "client_order_id", true), quantity(body, "qty"),
                    price(body, "limit_price"), price(body, "stop_price"));
        } catch (InvalidOrderException e) {
            throw ApiError.invalidField(e.field(), messageOf(e));
        }
    }

    /** Leg validation names its field as the message's prefix ({@code take_profit.limit_price: ...}). */
    private static ApiError fieldError(IllegalArgumentException e) {
        String m = String.valueOf(e.getMessage());
        int colon = m.indexOf(": ");
        return colon > 0 ? ApiError.invalidField(m.substring(0, colon), m.substring(colon + 2))
                : ApiError.invalidField("order", m);
    }

    private static String messageOf(InvalidOrderException e) {
        String prefix = e.field() + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static InstrumentId symbol(JsonObject body) {
        String text = string(body, "symbol");
        if (text == null || text.isBlank()) {
            throw ApiError.invalidField("symbol", "is required");
        }
        try {
            return InstrumentId.of(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("symbol", "invalid symbol '" + text + "'");
        }
    }

    private static Side side(JsonObject body) {
        Side side = enumValue(body, "side", Side.class, null);
        if (side == null) {
            throw ApiError.invalidField("side", "is required (buy or sell)");
        }
        return side;
    }

    private static OrderClass orderClass(JsonObject body) {
        String text = string(body, "order_class");
        if (text == null || text.isEmpty()) {
            return OrderClass.SIMPLE;
        }
        return enumValue(body, "order_class", OrderClass.class, OrderClass.SIMPLE);
    }

    /** A client order id; Alpaca allows up to 128 characters. */
    public static ClientOrderId clientOrderId(JsonObject body, String field, boolean generate) {
        String text = string(body, field);
        if (text == null || text.isEmpty()) {
            return generate ? ClientOrderId.of(UUID.randomUUID().toString()) : null;
        }
        try {
            return ClientOrderId.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField(field, "expected 1-128 letters, digits or . _ : - starting with a letter or digit");
        }
    }

    private static <E extends Enum<E>> E enumValue(JsonObject body, String field, Class<E> type, E fallback) {
        String text = string(body, field);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField(field, "invalid value '" + text + "'");
        }
    }

    private static String string(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw ApiError.invalidField(field, "expected a string");
    }

    private static boolean bool(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw ApiError.invalidField(field, "expected true or false");
    }

    private static JsonObject object(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonObject o) {
            return o;
        }
        throw ApiError.invalidField(field, "expected an object");
    }

    private static BigDecimal decimal(JsonObject body, String field) {
        return decimal(body, field, field);
    }

    private static BigDecimal decimal(JsonObject body, String key, String field) {
        String text = string(body, key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidField(field, "not a decimal number: '" + text + "'");
        }
    }

    private static Quantity quantity(JsonObject body, String field) {
        BigDecimal value = decimal(body, field);
        if (value == null) {
            return null;
        }
        try {
            return Quantity.of(value);
        } catch (ArithmeticException e) {
            throw ApiError.invalidField(field, "more than 8 decimal places or out of range: " + value.toPlainString());
        }
    }

    private static Price price(JsonObject body, String field) {
        return price(body, field, field);
    }

    private static Price price(JsonObject body, String key, String field) {
        BigDecimal value = decimal(body, key, field);
        if (value == null) {
            return null;
        }
        try {
            return Price.of(value);
        } catch (ArithmeticException e) {
            throw ApiError.invalidField(field, "more than 8 decimal places or out of range: " + value.toPlainString());
        }
    }
}
