package io.amcp.risk.rules.internal;

import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.RiskContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-set account for unit tests: cash plus positions marked at their last prices; equity, long
 * and short market value follow from them (multiplier from the symbol).
 */
final class FakeRiskContext implements RiskContext {
    double cash;
    double dayStartEquity;
    long now;
    final Map<InstrumentId, Double> quantities = new HashMap<>();
    final Map<InstrumentId, Double> prices = new HashMap<>();
    final List<String> alerts = new ArrayList<>();
    final List<String> riskOrders = new ArrayList<>();
    String stopped;

    FakeRiskContext(double cash) {
        this.cash = cash;
        this.dayStartEquity = cash;
    }

    FakeRiskContext hold(String symbol, double quantity, double price) {
        quantities.put(InstrumentId.of(symbol), quantity);
        prices.put(InstrumentId.of(symbol), price);
        return this;
    }

    FakeRiskContext price(String symbol, double price) {
        prices.put(InstrumentId.of(symbol), price);
        return this;
    }

    private double value(InstrumentId id) {
        return quantities.getOrDefault(id, 0.0) * prices.getOrDefault(id, 0.0) * instrument(id).multiplier();
    }

    @Override
    public AccountView account() {
        double longValue = 0;
        double shortValue = 0;
        for (InstrumentId id : quantities.keySet()) {
            double v = value(id);
            if (v > 0) {
                longValue += v;
            } else {
                shortValue += v;
            }
        }
        double equity = cash + longValue + shortValue;
        return new AccountView(Money.of(cash), Money.of(equity), Money.of(equity), Money.of(longValue),
                Money.of(shortValue), Money.ZERO, Money.ZERO, Money.of(dayStartEquity), Money.ZERO);
    }

    @Override
    public PositionView position(InstrumentId instrument) {
        double q = quantities.getOrDefault(instrument, 0.0);
        if (q == 0) {
            return PositionView.flat(instrument);
        }
        Price p = Price.of(prices.get(instrument));
        return new PositionView(instrument, Quantity.of(q), p, p, Money.of(value(instrument)), Money.ZERO, Money.ZERO);
    }

    @Override
    public Price lastPrice(InstrumentId instrument) {
        Double p = prices.get(instrument);
        return p == null ? null : Price.of(p);
    }

    @Override
    public Instrument instrument(InstrumentId instrument) {
        return Instrument.infer(instrument);
    }

    @Override
    public List<OrderView> openOrders() {
        return List.of();
    }

    @Override
    public boolean killSwitchEngaged() {
        return stopped != null;
    }

    @Override
    public Clock clock() {
        return () -> now;
    }

    @Override
    public void stopTrading(String reason) {
        stopped = reason;
    }

    @Override
    public void submitRiskOrder(SubmitOrder order, String reason) {
        riskOrders.add(order.side() + " " + order.quantity() + " " + order.instrument());
    }

    @Override
    public void alert(String rule, String message) {
        alerts.add(message);
    }
}
