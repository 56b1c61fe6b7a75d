package io.amcp.mcp.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Tool results in the field names of Alpaca's objects; amounts as decimal strings, as Alpaca sends them. */
final class Views {

    private Views() {
    }

    static Map<String, Object> account(AccountView a, boolean killSwitch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", "USD");
        m.put("cash", a.cash().toString());
        m.put("equity", a.equity().toString());
        m.put("portfolio_value", a.equity().toString());
        m.put("buying_power", a.buyingPower().toString());
        m.put("long_market_value", a.longMarketValue().toString());
        m.put("short_market_value", a.shortMarketValue().toString());
        m.put("last_equity", a.dayStartEquity().toString());
        m.put("day_pnl", a.dayPnl().toString());
        m.put("realized_pnl", a.realizedPnl().toString());
        m.put("unrealized_pnl", a.unrealizedPnl().toString());
        m.put("commissions", a.commissions().toString());
        m.put("trading_blocked", killSwitch);
        m.put("status", "ACTIVE");
        return m;
    }

    static Map<String, Object> position(PositionView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", p.instrument().value());
        m.put("qty", p.quantity().toString());
        m.put("side", p.quantity().isNegative() ? "short" : "long");
        m.put("avg_entry_price", p.averageCost().toString());
        m.put("current_price", p.lastPrice().toString());
        m.put("market_value", p.marketValue().toString());
        m.put("unrealized_pl", p.unrealizedPnl().toString());
        m.put("realized_pl", p.realizedPnl().toString());
        return m;
    }

    static Map<String, Object> order(OrderView o) {
        SubmitOrder r = o.request();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.orderId() == null ? null : o.orderId().value());
        m.put("client_order_id", o.clientOrderId().value());
        m.put("symbol", r.instrument().value());
        m.put("side", lower(r.side()));
        m.put("type", lower(r.type()));
        m.put("order_class", r.orderClass() == io.amcp.api.order.OrderClass.SIMPLE ? "simple" : lower(r.orderClass()));
        m.put("time_in_force", lower(r.timeInForce()));
        m.put("qty", r.quantity().toString());
        m.put("filled_qty", o.filledQuantity().toString());
        m.put("filled_avg_price", o.averageFillPrice() == null ? null : o.averageFillPrice().toString());
        m.put("limit_price", r.limitPrice() == null ? null : r.limitPrice().toString());
        m.put("stop_price", r.stopPrice() == null ? null : r.stopPrice().toString());
        m.put("status", lower(o.status()));
        m.put("owner", o.strategyId().value());
        m.put("created_at", Clock.toInstant(o.createdTime()).toString());
        m.put("updated_at", Clock.toInstant(o.updatedTime()).toString());
        m.put("reason", o.reason());
        return m;
    }

    static Map<String, Object> bar(Bar b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", Clock.toInstant(b.time()).toString());
        m.put("o", b.openAsDouble());
        m.put("h", b.highAsDouble());
        m.put("l", b.lowAsDouble());
        m.put("c", b.closeAsDouble());
        m.put("v", b.volumeAsDouble());
        return m;
    }

    static Map<String, Object> quote(Quote q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", Clock.toInstant(q.time()).toString());
        m.put("bp", FixedPoint.toDouble(q.bid()));
        m.put("bs", FixedPoint.toDouble(q.bidSize()));
        m.put("ap", FixedPoint.toDouble(q.ask()));
        m.put("as", FixedPoint.toDouble(q.askSize()));
        return m;
    }

    static Map<String, Object> trade(TradeTick t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", Clock.toInstant(t.time()).toString());
        m.put("p", FixedPoint.toDouble(t.price()));
        m.put("s", FixedPoint.toDouble(t.size()));
        return m;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
