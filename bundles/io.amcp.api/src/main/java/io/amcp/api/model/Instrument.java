package io.amcp.api.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tradable instrument.
 *
 * @param id         symbol
 * @param assetClass asset class, which decides trading hours and commission model
 * @param multiplier units of the underlying per contract (100 for US equity options, else 1)
 */
public record Instrument(InstrumentId id, AssetClass assetClass, long multiplier) {

    private static final Pattern OCC_OPTION = Pattern.compile("[A-Z]{1,6}\\d{6}[CP]\\d{8}");

    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(assetClass, "assetClass");
        if (multiplier <= 0) {
            throw new IllegalArgumentException("multiplier: must be positive, was " + multiplier);
        }
    }

    public static Instrument equity(String symbol) {
        return new Instrument(InstrumentId.of(symbol), AssetClass.EQUITY, 1);
    }

    public static Instrument etf(String symbol) {
        return new Instrument(InstrumentId.of(symbol), AssetClass.ETF, 1);
    }

    public static Instrument crypto(String symbol) {
        return new Instrument(InstrumentId.of(symbol), AssetClass.CRYPTO, 1);
    }

    public static Instrument option(String occSymbol) {
        return new Instrument(InstrumentId.of(occSymbol), AssetClass.OPTION, 100);
    }

    /**
     * Infers an instrument from its symbol alone: a pair with a slash is crypto, an OCC symbol is an
     * option, anything else is equity. Used for symbols no data source has described.
     */
    public static Instrument infer(InstrumentId id) {
        if (id.value().contains("/")) {
            return new Instrument(id, AssetClass.CRYPTO, 1);
        }
        if (OCC_OPTION.matcher(id.value()).matches()) {
            return new Instrument(id, AssetClass.OPTION, 100);
        }
        return new Instrument(id, AssetClass.EQUITY, 1);
    }
}
