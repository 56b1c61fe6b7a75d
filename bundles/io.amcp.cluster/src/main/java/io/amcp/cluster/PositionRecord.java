package io.amcp.cluster;

import io.amcp.api.portfolio.PositionView;
import java.io.Serializable;
import java.util.Objects;

/**
 * A position as shared across members, keyed by {@link #key()}: fixed-point values at
 * {@link io.amcp.api.model.FixedPoint} scale.
 *
 * @param account      account id
 * @param symbol       instrument id
 * @param quantity     signed quantity (negative = short)
 * @param averagePrice average entry price
 * @param asOf         nanoseconds since the epoch of the state this snapshot reflects
 */
public record PositionRecord(String account, String symbol, long quantity, long averagePrice, long asOf)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public PositionRecord {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        if (averagePrice < 0) {
            throw new IllegalArgumentException("averagePrice: must not be negative, was " + averagePrice);
        }
    }

    public static PositionRecord of(String account, String symbol, long quantity, long averagePrice, long asOf) {
        return new PositionRecord(account, symbol, quantity, averagePrice, asOf);
    }

    /** The shared form of a ledger position of {@code account} as of {@code asOf}. */
    public static PositionRecord of(String account, PositionView position, long asOf) {
        return new PositionRecord(account, position.instrument().value(), position.quantity().raw(),
                position.averageCost().raw(), asOf);
    }

    /** The map key: {@code <account>/<symbol>}. */
    public String key() {
        return account + "/" + symbol;
    }
}
