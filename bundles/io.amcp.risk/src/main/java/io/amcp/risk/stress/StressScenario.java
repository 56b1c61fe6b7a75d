package io.amcp.risk.stress;

import io.amcp.api.model.InstrumentId;
import io.amcp.risk.internal.Checks;
import java.util.List;
import java.util.Map;

/**
 * An instantaneous shock applied to a portfolio.
 *
 * <p>Each position's underlying moves by a relative price shock chosen in this order: its symbol's
 * (or its underlying's) entry in {@code symbolShocks}, else its sector's entry in {@code sectorShocks},
 * else {@code defaultPriceShock}. Delta-one positions lose {@code marketValue * shock}; positions with
 * Greeks are revalued to second order, {@code q m (Δ S s + ½ Γ (S s)²)}, plus
 * {@code q m vega σ volShock} (volatility moves from σ to {@code σ (1 + volShock)}) plus
 * {@code q m rho rateShock}. Theta is ignored: the shock is instantaneous.
 *
 * @param name              scenario name
 * @param defaultPriceShock relative price change of every underlying not named below (-0.40 = -40%)
 * @param sectorShocks      relative price change per sector
 * @param symbolShocks      relative price change per symbol (matched against symbol and underlying)
 * @param volShock          relative change of implied volatility (1.5 = +150%, 2.0 = x3)
 * @param rateShock         absolute change of interest rates as a decimal (0.02 = +200 bp)
 */
public record StressScenario(String name, double defaultPriceShock, Map<String, Double> sectorShocks,
        Map<InstrumentId, Double> symbolShocks, double volShock, double rateShock) {

    /** Equities -40% over the shock, implied volatility +150%. */
    public static final String CRASH_2008 = "2008-crash";
    /** Equities gap down -12%, implied volatility x3. */
    public static final String GAP_DOWN_2020 = "2020-gap-down";
    /** Rates +200 bp, prices unchanged. */
    public static final String RATE_SHOCK = "rate-shock";
    /** Implied volatility +100%, prices unchanged. */
    public static final String VOL_SPIKE = "vol-spike";

    public StressScenario {
        Checks.text("name", name);
        checkPriceShock("defaultPriceShock", defaultPriceShock);
        Checks.present("sectorShocks", sectorShocks);
        Checks.present("symbolShocks", symbolShocks);
        sectorShocks.forEach((sector, shock) -> checkPriceShock("sectorShocks[" + sector + "]", shock));
        symbolShocks.forEach((symbol, shock) -> checkPriceShock("symbolShocks[" + symbol + "]", shock));
        sectorShocks = Map.copyOf(sectorShocks);
        symbolShocks = Map.copyOf(symbolShocks);
        Checks.finite("volShock", volShock);
        if (volShock < -1.0) {
            throw new IllegalArgumentException("volShock: must be >= -1 (volatility cannot turn negative), was "
                    + volShock);
        }
        Checks.finite("rateShock", rateShock);
    }

    /** A scenario with one price shock for everything plus volatility and rate shocks. */
    public static StressScenario of(String name, double priceShock, double volShock, double rateShock) {
        return new StressScenario(name, priceShock, Map.of(), Map.of(), volShock, rateShock);
    }

    /** A fully specified scenario. */
    public static StressScenario of(String name, double defaultPriceShock, Map<String, Double> sectorShocks,
            Map<InstrumentId, Double> symbolShocks, double volShock, double rateShock) {
        return new StressScenario(name, defaultPriceShock, sectorShocks, symbolShocks, volShock, rateShock);
    }

    /** The named built-in scenarios, in documentation order. */
    public static List<StressScenario> builtIns() {
        return List.of(
                of(CRASH_2008, -0.40, 1.50, 0.0),
                of(GAP_DOWN_2020, -0.12, 2.00, 0.0),
                of(RATE_SHOCK, 0.0, 0.0, 0.02),
                of(VOL_SPIKE, 0.0, 1.00, 0.0));
    }

    /** The built-in scenario called {@code name}. */
    public static StressScenario builtIn(String name) {
        return builtIns().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("name: no built-in scenario '" + name + "', known: "
                        + builtIns().stream().map(StressScenario::name).toList()));
    }

    /** The price shock that applies to a position with this symbol, underlying and sector. */
    public double priceShockFor(InstrumentId symbol, InstrumentId underlying, String sector) {
        Double shock = symbolShocks.get(symbol);
        if (shock == null) {
            shock = symbolShocks.get(underlying);
        }
        if (shock == null) {
            shock = sectorShocks.get(sector);
        }
        return shock == null ? defaultPriceShock : shock;
    }

    private static void checkPriceShock(String field, Double shock) {
        Checks.present(field, shock);
        Checks.finite(field, shock);
        if (shock < -1.0) {
            throw new IllegalArgumentException(field + ": a price cannot fall more than 100%, was " + shock);
        }
    }
}
