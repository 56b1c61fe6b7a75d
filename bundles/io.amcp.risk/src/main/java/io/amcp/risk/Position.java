package io.amcp.risk;

import io.amcp.api.model.InstrumentId;
import io.amcp.risk.internal.Checks;

/**
 * One holding as risk analytics sees it: doubles are fine here (risk math), the ledger keeps the
 * fixed-point truth.
 *
 * <p>A position without {@link Greeks} is a delta-one instrument (equity, ETF, crypto): its dollar
 * exposure to its own returns is its market value. A position with Greeks (an option) is exposed to
 * the returns of its {@code underlying} through {@code quantity * multiplier * delta * S} and
 * {@code gamma}, and to volatility and rates through {@code vega} and {@code rho}.
 *
 * @param symbol     the instrument held
 * @param quantity   signed quantity (contracts for options): positive long, negative short
 * @param price      last mark of one unit of the instrument, finite and {@code >= 0}
 * @param multiplier units of the underlying per unit held (100 for US equity options, else 1)
 * @param sector     sector for concentration and sector shocks; {@link #UNCLASSIFIED} when unknown
 * @param underlying the instrument whose returns drive this position ({@code symbol} itself for
 *                   delta-one instruments)
 * @param greeks     per-unit Greeks, or {@code null} for a delta-one instrument
 */
public record Position(InstrumentId symbol, double quantity, double price, double multiplier, String sector,
        InstrumentId underlying, Greeks greeks) {

    /** Sector of positions nobody classified. */
    public static final String UNCLASSIFIED = "UNCLASSIFIED";

    public Position {
        Checks.present("symbol", symbol);
        Checks.finite("quantity", quantity);
        Checks.nonNegative("price", price);
        Checks.positive("multiplier", multiplier);
        Checks.text("sector", sector);
        Checks.present("underlying", underlying);
    }

    /** A delta-one position in an unclassified sector. */
    public static Position of(String symbol, double quantity, double price) {
        return of(symbol, quantity, price, UNCLASSIFIED);
    }

    /** A delta-one position in {@code sector}. */
    public static Position of(String symbol, double quantity, double price, String sector) {
        InstrumentId id = InstrumentId.of(Checks.present("symbol", symbol));
        return new Position(id, quantity, price, 1.0, sector, id, null);
    }

    /**
     * An option (or any non-linear) position.
     *
     * @param symbol     option symbol
     * @param underlying underlying symbol, which must have a returns history for VaR
     * @param contracts  signed number of contracts
     * @param premium    mark of one contract unit (per share of underlying)
     * @param multiplier units of underlying per contract
     * @param sector     sector of the underlying
     * @param greeks     per-unit Greeks
     */
    public static Position option(String symbol, String underlying, double contracts, double premium,
            double multiplier, String sector, Greeks greeks) {
        return new Position(InstrumentId.of(Checks.present("symbol", symbol)),
                contracts, premium, multiplier, sector,
                InstrumentId.of(Checks.present("underlying", underlying)), Checks.present("greeks", greeks));
    }

    /** Whether this position carries Greeks (is non-linear). */
    public boolean hasGreeks() {
        return greeks != null;
    }

    /** Signed market value: quantity x price x multiplier. */
    public double marketValue() {
        return quantity * price * multiplier;
    }

    /**
     * Dollar delta: the P&L of a +100% move of the underlying to first order, i.e. market value for a
     * delta-one position and {@code quantity * multiplier * delta * S} for an option.
     */
    public double dollarDelta() {
        if (greeks == null) {
            return marketValue();
        }
        return quantity * multiplier * greeks.delta() * greeks.underlyingPrice();
    }

    /**
     * Second-order dollar exposure to the underlying's return r: the P&L is approximately
     * {@code dollarDelta * r + 0.5 * returnGamma * r * r}, so this is
     * {@code quantity * multiplier * gamma * S²} (zero for delta-one positions).
     */
    public double returnGamma() {
        if (greeks == null) {
            return 0.0;
        }
        double s = greeks.underlyingPrice();
        return quantity * multiplier * greeks.gamma() * s * s;
    }

    /** The same position marked at a new price. */
    public Position withPrice(double newPrice) {
        return new Position(symbol, quantity, newPrice, multiplier, sector, underlying, greeks);
    }

    /** The same position with a new quantity. */
    public Position withQuantity(double newQuantity) {
        return new Position(symbol, newQuantity, price, multiplier, sector, underlying, greeks);
    }

    /** The same position with its Greeks referring to a new underlying price; unchanged without Greeks. */
    public Position withUnderlyingPrice(double underlyingPrice) {
        if (greeks == null) {
            return this;
        }
        return new Position(symbol, quantity, price, multiplier, sector, underlying,
                greeks.withUnderlyingPrice(underlyingPrice));
    }
}
