package io.amcp.web.internal;

import io.amcp.options.BlackScholesMerton;
import io.amcp.options.OptionInputs;
import io.amcp.options.OptionType;
import io.amcp.options.OptionValuation;
import io.amcp.options.strategy.Leg;
import io.amcp.options.strategy.LegDirection;
import io.amcp.options.strategy.MarketModel;
import io.amcp.options.strategy.OptionStrategy;
import io.amcp.options.strategy.PayoffCurve;
import io.amcp.options.strategy.StrategyAnalysis;
import io.amcp.options.strategy.StrategyAnalyzer;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Option pricing for the console's Options tab, through {@code io.amcp.options}: a Black-Scholes-Merton
 * chain around a spot price, and a multi-leg strategy's premium, risk figures and payoff curve at
 * the nearest expiry. Days are calendar days, converted to years over 365.
 */
final class OptionsDesk {

    private static final int PAYOFF_POINTS = 121;
    private static final int MAX_STRIKES = 101;

    private OptionsDesk() {
    }

    /** {@code GET /api/v1/options/chain?spot=&volatility=&rate=&days=&strikes=&step=}. */
    static JsonObject chain(MultiMap query) {
        double spot = param(query, "spot", 100);
        double vol = param(query, "volatility", 0.25);
        double rate = param(query, "rate", 0.04);
        double days = param(query, "days", 30);
        int strikes = (int) param(query, "strikes", 11);
        if (strikes < 1 || strikes > MAX_STRIKES) {
            throw ApiError.invalidField("strikes", "must be between 1 and " + MAX_STRIKES + ", got " + strikes);
        }
        double step = param(query, "step", niceStep(spot));
        if (!(step > 0)) {
            throw ApiError.invalidField("step", "must be positive, got " + step);
        }
        double years = days / 365.0;
        double atm = Math.round(spot / step) * step;
        JsonArray rows = new JsonArray();
        for (int i = 0; i < strikes; i++) {
            double strike = atm + (i - strikes / 2) * step;
            if (strike <= 0) {
                continue;
            }
            rows.add(new JsonObject().put("strike", strike)
                    .put("call", greeks(BlackScholesMerton.value(OptionInputs.of(OptionType.CALL, spot, strike, years, vol, rate))))
                    .put("put", greeks(BlackScholesMerton.value(OptionInputs.of(OptionType.PUT, spot, strike, years, vol, rate)))));
        }
        return new JsonObject().put("model", "black-scholes-merton").put("spot", spot).put("volatility", vol)
                .put("rate", rate).put("days", days).put("rows", rows);
    }

    /** {@code POST /api/v1/options/payoff}: legs priced (when no premium is given), analysed and drawn. */
    static JsonObject payoff(JsonObject body) {
        double spot = PlatformApi.number(body, "spot", Double.NaN);
        double vol = PlatformApi.number(body, "volatility", 0.25);
        double rate = PlatformApi.number(body, "rate", 0.04);
        if (!(body.getValue("legs") instanceof JsonArray legsJson) || legsJson.isEmpty()) {
            throw ApiError.invalidField("legs", "must be a non-empty array");
        }
        List<Leg> legs = new ArrayList<>();
        JsonArray priced = new JsonArray();
        for (int i = 0; i < legsJson.size(); i++) {
            String field = "legs[" + i + "]";
            if (!(legsJson.getValue(i) instanceof JsonObject l)) {
                throw ApiError.invalidField(field, "must be an object");
            }
            LegDirection direction = switch (text(l, field + ".side", "long")) {
                case "long", "buy" -> LegDirection.LONG;
                case "short", "sell" -> LegDirection.SHORT;
                default -> throw ApiError.invalidField(field + ".side", "must be long or short");
            };
            String type = text(l, field + ".type", "call");
            double quantity = PlatformApi.number(l, "quantity", 1);
            Leg leg;
            if (type.equals("underlying")) {
                double entry = PlatformApi.number(l, "premium", spot);
                leg = Leg.underlying(direction, quantity, entry);
            } else {
                OptionType optionType = switch (type) {
                    case "call" -> OptionType.CALL;
                    case "put" -> OptionType.PUT;
                    default -> throw ApiError.invalidField(field + ".type", "must be call, put or underlying");
                };
                double strike = PlatformApi.number(l, "strike", Double.NaN);
                double years = PlatformApi.number(l, "days", 30) / 365.0;
                double premium = l.getValue("premium") == null
                        ? BlackScholesMerton.price(OptionInputs.of(optionType, spot, strike, years, vol, rate))
                        : PlatformApi.number(l, "premium", 0);
                leg = Leg.option(direction, optionType, strike, years, quantity, premium);
            }
            legs.add(leg);
            priced.add(new JsonObject().put("side", direction.name().toLowerCase(Locale.ROOT)).put("type", type)
                    .put("strike", leg.strike()).put("days", leg.years() * 365.0).put("quantity", leg.quantity())
                    .put("premium", leg.premium()));
        }
        OptionStrategy strategy = OptionStrategy.of(text(body, "name", "custom"), legs);
        MarketModel market = MarketModel.of(spot, vol, rate, 0.0);
        StrategyAnalysis a = StrategyAnalyzer.analyze(strategy, market);
        PayoffCurve curve = StrategyAnalyzer.payoff(strategy, market, PAYOFF_POINTS);
        JsonArray points = new JsonArray();
        for (int i = 0; i < curve.size(); i++) {
            points.add(new JsonArray().add(curve.prices()[i]).add(curve.profits()[i]));
        }
        return new JsonObject().put("name", strategy.name()).put("legs", priced).put("net_premium", finite(a.netPremium()))
                .put("max_profit", finite(a.maxProfit())).put("max_loss", finite(a.maxLoss()))
                .put("breakevens", new JsonArray(a.breakevens())).put("probability_of_profit", finite(a.probabilityOfProfit()))
                .put("greeks", greeks(a.netGreeks())).put("margin", finite(a.marginRequirement()))
                .put("horizon_days", a.horizonYears() * 365.0).put("payoff", points);
    }

    private static JsonObject greeks(OptionValuation v) {
        return new JsonObject().put("price", finite(v.price())).put("delta", finite(v.delta()))
                .put("gamma", finite(v.gamma())).put("vega", finite(v.vega())).put("theta", finite(v.theta()))
                .put("rho", finite(v.rho()));
    }

    /** JSON has no infinity: unbounded profit or loss is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String text(JsonObject o, String field, String fallback) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        Object v = o.getValue(key);
        return v == null ? fallback : v.toString().trim().toLowerCase(Locale.ROOT);
    }

    private static double param(MultiMap query, String name, double fallback) {
        String v = query.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidField(name, "must be a number, got '" + v + "'");
        }
    }

    private static double niceStep(double spot) {
        return spot >= 500 ? 10 : spot >= 100 ? 5 : spot >= 20 ? 1 : 0.5;
    }
}
