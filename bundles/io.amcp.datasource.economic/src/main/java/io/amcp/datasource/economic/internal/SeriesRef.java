package io.amcp.datasource.economic.internal;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One configured series: {@code fred:UNRATE}, {@code ecb:EXR/D.USD.EUR.SP00.A} or
 * {@code worldbank:USA/NY.GDP.MKTP.CD}, optionally followed by {@code ;lag=<days>} to override the
 * provider's publication lag for a series without release dates.
 *
 * @param id       series id (without the lag suffix), the key in {@code MacroSeries}
 * @param provider provider
 * @param code     the provider's code: FRED series id, ECB {@code flow/key}, World Bank {@code country/indicator}
 * @param lagDays  publication lag override in days, empty for the provider's default
 */
record SeriesRef(String id, Provider provider, String code, OptionalInt lagDays) {

    private static final Pattern FRED_CODE = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern SLASHED_CODE = Pattern.compile("[A-Za-z0-9_.\\-]+/[A-Za-z0-9_.+\\-]+");

    SeriesRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(lagDays, "lagDays");
    }

    /**
     * Parses a configuration entry.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    static SeriesRef parse(String entry) {
        if (entry == null || entry.isBlank()) {
            throw new IllegalArgumentException("series: an entry is blank");
        }
        String text = entry.strip();
        OptionalInt lag = OptionalInt.empty();
        int semicolon = text.indexOf(';');
        if (semicolon >= 0) {
            String option = text.substring(semicolon + 1).strip();
            if (!option.startsWith("lag=")) {
                throw new IllegalArgumentException("series: unknown option '" + option + "' in '" + entry + "', expected lag=<days>");
            }
            try {
                int days = Integer.parseInt(option.substring(4).strip());
                if (days < 0) {
                    throw new NumberFormatException();
                }
                lag = OptionalInt.of(days);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("series: lag must be a whole number of days >= 0 in '" + entry + "'");
            }
            text = text.substring(0, semicolon).strip();
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("series: '" + entry + "' is not provider:code, e.g. fred:UNRATE");
        }
        Provider provider = Provider.ofPrefix(text.substring(0, colon), entry);
        String code = text.substring(colon + 1);
        boolean valid = provider == Provider.FRED ? FRED_CODE.matcher(code).matches() : SLASHED_CODE.matcher(code).matches();
        if (!valid) {
            throw new IllegalArgumentException("series: bad " + provider.prefix() + " code '" + code + "' in '" + entry + "', expected "
                    + (provider == Provider.FRED ? "a FRED series id such as UNRATE"
                    : provider == Provider.ECB ? "flow/key such as EXR/D.USD.EUR.SP00.A"
                    : "country/indicator such as USA/NY.GDP.MKTP.CD"));
        }
        if (provider == Provider.FRED && lag.isPresent()) {
            throw new IllegalArgumentException("series: '" + entry + "': FRED gives release dates, a lag does not apply");
        }
        return new SeriesRef(provider.prefix() + ":" + code, provider, code, lag);
    }

    /** The part of the code before the slash (ECB flow, World Bank country). */
    String first() {
        return code.substring(0, code.indexOf('/'));
    }

    /** The part of the code after the slash (ECB key, World Bank indicator). */
    String second() {
        return code.substring(code.indexOf('/') + 1);
    }
}
