package io.amcp.datasource.yahoo;

import io.amcp.api.model.InstrumentId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A split or cash dividend reported by Yahoo Finance, with the same meaning as the data layer's
 * {@code io.amcp.data.CorporateAction}, so it maps one to one:
 * {@code new CorporateAction(e.symbol(), e.exDate(), CorporateAction.Type.valueOf(e.type().name()), e.value())}.
 *
 * @param symbol the instrument
 * @param exDate first exchange-local date trading at the split ratio or without the dividend
 * @param type   split or dividend
 * @param value  split: new shares per old share (4 for 4-for-1, 0.1 for 1-for-10);
 *               dividend: cash per share in the currency of the prices it was delivered with
 */
public record CorporateEvent(InstrumentId symbol, LocalDate exDate, Type type, double value) {

    /** Kinds of corporate event. */
    public enum Type {
        /** Share split or reverse split. */
        SPLIT,
        /** Cash dividend. */
        DIVIDEND
    }

    public CorporateEvent {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(exDate, "exDate");
        Objects.requireNonNull(type, "type");
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("value: " + type + " of " + symbol + " on " + exDate
                    + " must be positive and finite, was " + value);
        }
    }

    public static CorporateEvent split(InstrumentId symbol, LocalDate exDate, double ratio) {
        return new CorporateEvent(symbol, exDate, Type.SPLIT, ratio);
    }

    public static CorporateEvent dividend(InstrumentId symbol, LocalDate exDate, double amount) {
        return new CorporateEvent(symbol, exDate, Type.DIVIDEND, amount);
    }
}
