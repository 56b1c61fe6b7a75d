package io.amcp.options.strategy;

import static io.amcp.options.strategy.LegDirection.LONG;
import static io.amcp.options.strategy.LegDirection.SHORT;
import static io.amcp.options.strategy.LegType.CALL;
import static io.amcp.options.strategy.LegType.PUT;
import static io.amcp.options.strategy.LegType.UNDERLYING;

import io.amcp.options.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named multi-leg strategies. Each is a template of legs over strikes k1 &lt; k2 &lt; k3 &lt; k4 of
 * {@link StrategyTerms} (a leg's ratio multiplies the terms' quantity); near legs expire at
 * {@code nearYears}, far legs of calendars and diagonals at {@code farYears}. {@link #describe} gives
 * each template in words; {@code docs/options.md} lists them all.
 */
public final class StrategyCatalog {

    private record LegTemplate(LegDirection direction, LegType type, int strike, boolean far, double ratio) {
    }

    private record Template(String description, List<LegTemplate> legs) {
        int strikesNeeded() {
            return legs.stream().mapToInt(l -> l.strike() + 1).max().orElse(0);
        }

        boolean needsFarExpiry() {
            return legs.stream().anyMatch(LegTemplate::far);
        }
    }

    private static final Map<String, Template> TEMPLATES = new LinkedHashMap<>();

    static {
        add("long-call", "buy 1 call k1", l(LONG, CALL, 1));
        add("short-call", "sell 1 call k1", l(SHORT, CALL, 1));
        add("long-put", "buy 1 put k1", l(LONG, PUT, 1));
        add("short-put", "sell 1 put k1", l(SHORT, PUT, 1));
        add("covered-call", "hold the underlying, sell 1 call k1", u(LONG), l(SHORT, CALL, 1));
        add("protective-put", "hold the underlying, buy 1 put k1", u(LONG), l(LONG, PUT, 1));
        add("collar", "hold the underlying, buy 1 put k1, sell 1 call k2", u(LONG), l(LONG, PUT, 1), l(SHORT, CALL, 2));
        add("bull-call-spread", "buy call k1, sell call k2 (debit)", l(LONG, CALL, 1), l(SHORT, CALL, 2));
        add("bear-put-spread", "buy put k2, sell put k1 (debit)", l(LONG, PUT, 2), l(SHORT, PUT, 1));
        add("bull-put-spread", "sell put k2, buy put k1 (credit)", l(SHORT, PUT, 2), l(LONG, PUT, 1));
        add("bear-call-spread", "sell call k1, buy call k2 (credit)", l(SHORT, CALL, 1), l(LONG, CALL, 2));
        add("long-straddle", "buy call k1 and put k1", l(LONG, CALL, 1), l(LONG, PUT, 1));
        add("short-straddle", "sell call k1 and put k1", l(SHORT, CALL, 1), l(SHORT, PUT, 1));
        add("long-strangle", "buy put k1 and call k2", l(LONG, PUT, 1), l(LONG, CALL, 2));
        add("short-strangle", "sell put k1 and call k2", l(SHORT, PUT, 1), l(SHORT, CALL, 2));
        add("iron-condor", "buy put k1, sell put k2, sell call k3, buy call k4",
                l(LONG, PUT, 1), l(SHORT, PUT, 2), l(SHORT, CALL, 3), l(LONG, CALL, 4));
        add("iron-butterfly", "buy put k1, sell put k2 and call k2, buy call k3",
                l(LONG, PUT, 1), l(SHORT, PUT, 2), l(SHORT, CALL, 2), l(LONG, CALL, 3));
        add("call-butterfly", "buy call k1, sell 2 calls k2, buy call k3", l(LONG, CALL, 1), l(SHORT, CALL, 2, 2), l(LONG, CALL, 3));
        add("put-butterfly", "buy put k1, sell 2 puts k2, buy put k3", l(LONG, PUT, 1), l(SHORT, PUT, 2, 2), l(LONG, PUT, 3));
        add("broken-wing-butterfly", "call butterfly with unequal wings: buy call k1, sell 2 calls k2, buy call k3 (k3-k2 > k2-k1)",
                l(LONG, CALL, 1), l(SHORT, CALL, 2, 2), l(LONG, CALL, 3));
        add("condor", "buy call k1, sell calls k2 and k3, buy call k4",
                l(LONG, CALL, 1), l(SHORT, CALL, 2), l(SHORT, CALL, 3), l(LONG, CALL, 4));
        add("call-calendar", "sell near call k1, buy far call k1", l(SHORT, CALL, 1), far(LONG, CALL, 1));
        add("put-calendar", "sell near put k1, buy far put k1", l(SHORT, PUT, 1), far(LONG, PUT, 1));
        add("call-diagonal", "buy far call k1, sell near call k2", far(LONG, CALL, 1), l(SHORT, CALL, 2));
        add("put-diagonal", "buy far put k2, sell near put k1", far(LONG, PUT, 2), l(SHORT, PUT, 1));
        add("double-diagonal", "buy far put k1, sell near put k2, sell near call k3, buy far call k4",
                far(LONG, PUT, 1), l(SHORT, PUT, 2), l(SHORT, CALL, 3), far(LONG, CALL, 4));
        add("jade-lizard", "sell put k1, sell call k2, buy call k3", l(SHORT, PUT, 1), l(SHORT, CALL, 2), l(LONG, CALL, 3));
        add("reverse-jade-lizard", "buy put k1, sell put k2, sell call k3", l(LONG, PUT, 1), l(SHORT, PUT, 2), l(SHORT, CALL, 3));
        add("call-christmas-tree", "buy 1 call k1, sell 3 calls k2, buy 2 calls k3",
                l(LONG, CALL, 1), l(SHORT, CALL, 2, 3), l(LONG, CALL, 3, 2));
        add("put-christmas-tree", "buy 1 put k3, sell 3 puts k2, buy 2 puts k1",
                l(LONG, PUT, 3), l(SHORT, PUT, 2, 3), l(LONG, PUT, 1, 2));
        add("call-ratio-spread", "buy 1 call k1, sell 2 calls k2", l(LONG, CALL, 1), l(SHORT, CALL, 2, 2));
        add("put-ratio-spread", "buy 1 put k2, sell 2 puts k1", l(LONG, PUT, 2), l(SHORT, PUT, 1, 2));
        add("call-backspread", "sell 1 call k1, buy 2 calls k2", l(SHORT, CALL, 1), l(LONG, CALL, 2, 2));
        add("put-backspread", "sell 1 put k2, buy 2 puts k1", l(SHORT, PUT, 2), l(LONG, PUT, 1, 2));
        add("bull-call-ladder", "buy call k1, sell call k2, sell call k3", l(LONG, CALL, 1), l(SHORT, CALL, 2), l(SHORT, CALL, 3));
        add("bear-put-ladder", "buy put k3, sell put k2, sell put k1", l(LONG, PUT, 3), l(SHORT, PUT, 2), l(SHORT, PUT, 1));
        add("strip", "buy 1 call k1 and 2 puts k1", l(LONG, CALL, 1), l(LONG, PUT, 1, 2));
        add("strap", "buy 2 calls k1 and 1 put k1", l(LONG, CALL, 1, 2), l(LONG, PUT, 1));
        add("synthetic-long", "buy call k1, sell put k1", l(LONG, CALL, 1), l(SHORT, PUT, 1));
        add("synthetic-short", "sell call k1, buy put k1", l(SHORT, CALL, 1), l(LONG, PUT, 1));
        add("risk-reversal", "sell put k1, buy call k2", l(SHORT, PUT, 1), l(LONG, CALL, 2));
        add("box-spread", "buy call k1, sell call k2, buy put k2, sell put k1 (pays k2 - k1)",
                l(LONG, CALL, 1), l(SHORT, CALL, 2), l(LONG, PUT, 2), l(SHORT, PUT, 1));
    }

    private StrategyCatalog() {
    }

    private static void add(String name, String description, LegTemplate... legs) {
        TEMPLATES.put(name, new Template(description, List.of(legs)));
    }

    private static LegTemplate l(LegDirection d, LegType t, int strike) {
        return new LegTemplate(d, t, strike - 1, false, 1);
    }

    private static LegTemplate l(LegDirection d, LegType t, int strike, double ratio) {
        return new LegTemplate(d, t, strike - 1, false, ratio);
    }

    private static LegTemplate far(LegDirection d, LegType t, int strike) {
        return new LegTemplate(d, t, strike - 1, true, 1);
    }

    private static LegTemplate u(LegDirection d) {
        return new LegTemplate(d, UNDERLYING, -1, false, 1);
    }

    /** The catalog's names, in a stable order. */
    public static List<String> names() {
        return List.copyOf(TEMPLATES.keySet());
    }

    /** How many strikes {@code name} needs. */
    public static int strikesNeeded(String name) {
        return template(name).strikesNeeded();
    }

    /** True when {@code name} has far-expiry legs (calendars and diagonals). */
    public static boolean needsFarExpiry(String name) {
        return template(name).needsFarExpiry();
    }

    /** The legs of {@code name} in words, over strikes k1 &lt; k2 &lt; .... */
    public static String describe(String name) {
        return template(name).description();
    }

    /** Builds {@code name} with Black-Scholes-Merton premiums in {@code market}. */
    public static OptionStrategy build(String name, StrategyTerms terms, MarketModel market) {
        Checks.present("market", market);
        return build(name, terms, LegPremium.blackScholes(market));
    }

    /**
     * Builds {@code name} from {@code terms}, taking each leg's premium from {@code premiums}.
     *
     * @throws IllegalArgumentException naming {@code name} (unknown), {@code strikes} (too few) or
     *                                  {@code farYears} (not after the near expiry)
     */
    public static OptionStrategy build(String name, StrategyTerms terms, LegPremium premiums) {
        Template t = template(name);
        Checks.present("terms", terms);
        Checks.present("premiums", premiums);
        if (terms.strikes().size() < t.strikesNeeded()) {
            throw new IllegalArgumentException("strikes: " + name + " needs " + t.strikesNeeded() + " strikes (" + t.description()
                    + "), got " + terms.strikes().size());
        }
        if (t.needsFarExpiry() && !(terms.farYears() > terms.nearYears())) {
            throw new IllegalArgumentException("farYears: " + name + " needs a far expiry after the near one (" + terms.nearYears()
                    + "), was " + terms.farYears());
        }
        List<Leg> legs = new ArrayList<>();
        for (LegTemplate lt : t.legs()) {
            double quantity = lt.ratio() * terms.quantity();
            if (lt.type() == UNDERLYING) {
                legs.add(Leg.underlying(lt.direction(), quantity, premiums.premium(UNDERLYING, 0, 0)));
            } else {
                double strike = terms.strikes().get(lt.strike());
                double years = lt.far() ? terms.farYears() : terms.nearYears();
                legs.add(new Leg(lt.direction(), lt.type(), strike, years, quantity, premiums.premium(lt.type(), strike, years)));
            }
        }
        return OptionStrategy.of(name, legs);
    }

    private static Template template(String name) {
        Checks.present("name", name);
        Template t = TEMPLATES.get(name);
        if (t == null) {
            throw new IllegalArgumentException("name: unknown strategy '" + name + "' (known: " + String.join(", ", TEMPLATES.keySet()) + ")");
        }
        return t;
    }
}
