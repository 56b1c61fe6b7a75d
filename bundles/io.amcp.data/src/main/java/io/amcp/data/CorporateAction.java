package io.amcp.data;

import io.amcp.api.model.InstrumentId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A split or cash dividend, stored beside a dataset's bars and applied when bars are read with
 * {@code adjusted=true}; stored bars are never rewritten.
 *
 * <p>Back-adjustment (the CRSP/Yahoo convention): every bar that ends before the ex-date is
 * multiplied by the action's price factor, volumes by its volume factor, and factors of several
 * actions multiply.
 * <ul>
 *   <li>split of {@code value} new shares per old share (4 for a 4-for-1 split, 0.1 for a 1-for-10
 *       reverse split): price factor {@code 1/value}, volume factor {@code value};</li>
 *   <li>cash dividend of {@code value} per share: price factor {@code 1 - value / C}, with C the raw
 *       close of the last stored bar before the ex-date; volume factor 1.</li>
 * </ul>
 *
 * @param symbol the instrument
 * @param exDate first exchange-local date that trades without the dividend or at the split ratio
 * @param type   split or dividend
 * @param value  split ratio (new shares per old share) or dividend per share in price units
 */
public record CorporateAction(InstrumentId symbol, LocalDate exDate, Type type, double value) {

    /** Kinds of corporate action the store adjusts for. */
    public enum Type {
        /** Share split (or reverse split), value = new shares per old share. */
        SPLIT,
        /** Cash dividend, value = amount per share. */
        DIVIDEND
    }

    public CorporateAction {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(exDate, "exDate");
        Objects.requireNonNull(type, "type");
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("value: " + type.name().toLowerCase() + " of " + symbol + " on " + exDate
                    + " must be positive and finite, was " + value);
        }
    }

    /** A split of {@code ratio} new shares per old share. */
    public static CorporateAction split(InstrumentId symbol, LocalDate exDate, double ratio) {
        return new CorporateAction(symbol, exDate, Type.SPLIT, ratio);
    }

    /** A cash dividend of {@code amount} per share. */
    public static CorporateAction dividend(InstrumentId symbol, LocalDate exDate, double amount) {
        return new CorporateAction(symbol, exDate, Type.DIVIDEND, amount);
    }
}
