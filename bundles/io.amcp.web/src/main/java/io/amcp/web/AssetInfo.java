package io.amcp.web;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of {@code /v2/assets}: an instrument with the descriptive fields Alpaca's asset object
 * carries.
 *
 * @param instrument   the instrument (symbol, asset class)
 * @param name         display name
 * @param exchange     listing exchange as Alpaca names it (NASDAQ, NYSE, ARCA, CRYPTO, ...)
 * @param fractionable whether fractional quantities are accepted
 * @param shortable    whether the asset may be sold short
 */
public record AssetInfo(Instrument instrument, String name, String exchange, boolean fractionable,
        boolean shortable) {

    public AssetInfo {
        Objects.requireNonNull(instrument, "instrument");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank for " + instrument.id());
        }
        if (exchange == null || exchange.isBlank()) {
            throw new IllegalArgumentException("exchange: must not be blank for " + instrument.id());
        }
    }

    /**
     * An asset described by its symbol alone (see {@link Instrument#infer}): named after the symbol,
     * exchange {@code CRYPTO} for crypto pairs and {@code OTC} otherwise, fractionable, shortable
     * unless crypto.
     */
    public static AssetInfo of(InstrumentId id) {
        Instrument instrument = Instrument.infer(id);
        boolean crypto = instrument.assetClass() == AssetClass.CRYPTO;
        return new AssetInfo(instrument, id.value(), crypto ? "CRYPTO" : "OTC", true, !crypto);
    }

    /**
     * Parses {@code SYMBOL[:class[:exchange[:name]]]}, class one of equity, etf, crypto, option;
     * e.g. {@code AAPL:equity:NASDAQ:Apple Inc.}.
     *
     * @throws IllegalArgumentException naming the part at fault
     */
    public static AssetInfo parse(String spec) {
        String[] parts = spec.trim().split(":", 4);
        InstrumentId id = InstrumentId.of(parts[0].trim());
        AssetInfo inferred = of(id);
        Instrument instrument = inferred.instrument();
        if (parts.length > 1 && !parts[1].isBlank()) {
            AssetClass assetClass;
            try {
                assetClass = AssetClass.valueOf(parts[1].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("assets: unknown asset class '" + parts[1] + "' in '" + spec
                        + "' (expected equity, etf, option or crypto)", e);
            }
            instrument = new Instrument(id, assetClass, assetClass == AssetClass.OPTION ? 100 : 1);
        }
        String exchange = parts.length > 2 && !parts[2].isBlank() ? parts[2].trim() : inferred.exchange();
        String name = parts.length > 3 && !parts[3].isBlank() ? parts[3].trim() : inferred.name();
        boolean crypto = instrument.assetClass() == AssetClass.CRYPTO;
        return new AssetInfo(instrument, name, exchange, true, !crypto);
    }
}
