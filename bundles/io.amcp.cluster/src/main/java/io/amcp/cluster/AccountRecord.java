package io.amcp.cluster;

import io.amcp.api.portfolio.AccountView;
import java.io.Serializable;
import java.util.Objects;

/**
 * An account snapshot as shared across members, keyed by account id; money is fixed-point at
 * {@link io.amcp.api.model.FixedPoint} scale.
 *
 * @param account     account id
 * @param cash        cash balance
 * @param equity      cash plus positions marked to market
 * @param buyingPower buying power
 * @param asOf        nanoseconds since the epoch of the state this snapshot reflects
 */
public record AccountRecord(String account, long cash, long equity, long buyingPower, long asOf)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public AccountRecord {
        Objects.requireNonNull(account, "account");
        if (account.isBlank()) {
            throw new IllegalArgumentException("account: must not be blank");
        }
    }

    public static AccountRecord of(String account, long cash, long equity, long buyingPower, long asOf) {
        return new AccountRecord(account, cash, equity, buyingPower, asOf);
    }

    /** The shared form of a ledger account snapshot as of {@code asOf}. */
    public static AccountRecord of(String account, AccountView view, long asOf) {
        return new AccountRecord(account, view.cash().raw(), view.equity().raw(), view.buyingPower().raw(), asOf);
    }
}
