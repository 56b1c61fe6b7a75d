package io.amcp.options.chain;

import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.options.OptionType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One listed option series, identified by its OCC symbol: root, {@code yyMMdd} expiry, {@code C}/{@code P}
 * and the strike times 1000 in eight digits, e.g. {@code AAPL130118C00500000} (AAPL 500 call expiring
 * 2013-01-18). The OCC's 21-character form pads the root with spaces to six characters; an
 * {@link InstrumentId} may not hold spaces, so the compact form (as Alpaca writes it, and as
 * {@link Instrument#infer} recognises) is used.
 *
 * @param underlying the underlying's id, 1 to 6 capital letters
 * @param expiry     expiration date (the last trading day)
 * @param type       call or put
 * @param strike     strike price, positive, at most three decimals
 */
public record OptionContract(InstrumentId underlying, LocalDate expiry, OptionType type, double strike) {

    private static final Pattern OCC = Pattern.compile("([A-Z]{1,6})(\\d{2})(\\d{2})(\\d{2})([CP])(\\d{8})");

    public OptionContract {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(type, "type");
        if (!underlying.value().matches("[A-Z]{1,6}")) {
            throw new IllegalArgumentException("underlying: an OCC root is 1 to 6 capital letters, was " + underlying);
        }
        if (!(strike > 0) || strike >= 100_000 || Math.abs(strike * 1000 - Math.rint(strike * 1000)) > 1e-6) {
            throw new IllegalArgumentException("strike: must be positive, below 100000, with at most 3 decimals, was "
                    + strike);
        }
        if (expiry.getYear() < 2000 || expiry.getYear() > 2099) {
            throw new IllegalArgumentException("expiry: OCC symbols cover 2000-2099, was " + expiry);
        }
    }

    /** A series from its terms. */
    public static OptionContract of(InstrumentId underlying, LocalDate expiry, OptionType type, double strike) {
        return new OptionContract(underlying, expiry, type, strike);
    }

    /** Parses an OCC symbol (compact form, no padding). */
    public static OptionContract parse(InstrumentId symbol) {
        Matcher m = OCC.matcher(symbol.value());
        if (!m.matches()) {
            throw new IllegalArgumentException("symbol: not an OCC option symbol: " + symbol);
        }
        LocalDate expiry = LocalDate.of(2000 + Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
        return new OptionContract(InstrumentId.of(m.group(1)), expiry, m.group(5).equals("C") ? OptionType.CALL
                : OptionType.PUT, Long.parseLong(m.group(6)) / 1000.0);
    }

    /** The OCC symbol. */
    public InstrumentId id() {
        return InstrumentId.of(String.format(Locale.ROOT, "%s%02d%02d%02d%s%08d", underlying.value(),
                expiry.getYear() % 100, expiry.getMonthValue(), expiry.getDayOfMonth(), type == OptionType.CALL ? "C" : "P",
                Math.round(strike * 1000)));
    }

    /** The tradable instrument: asset class option, multiplier 100. */
    public Instrument instrument() {
        return Instrument.option(id().value());
    }

    /** Calendar days from {@code date} to expiry (0 on the expiration date). */
    public long daysToExpiry(LocalDate date) {
        return expiry.toEpochDay() - date.toEpochDay();
    }

    /** Value per unit at expiry: {@code max(0, ±(spot - strike))}. */
    public double intrinsic(double spot) {
        return type.intrinsic(spot, strike);
    }
}
