package io.amcp.datasource.file;

import io.amcp.api.model.AssetClass;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters of a synthetic market: how many symbols, over which dates, at which bar size, and the
 * price process (Merton jump diffusion: geometric Brownian motion plus Poisson-timed log-normal
 * jumps). Rates are annual; equity time runs only inside sessions (252 days of 6.5 hours a year),
 * crypto time around the clock (365 days a year).
 *
 * @param symbols        number of instruments, at least 1
 * @param start          first calendar date
 * @param years          length in years of 365.25 days (fractions allowed)
 * @param barSize        bar size
 * @param seed           random seed: the same spec always generates the same bars
 * @param assetClass     {@link AssetClass#EQUITY} (NYSE sessions) or {@link AssetClass#CRYPTO} (24/7)
 * @param drift          expected return per year, mu, such that E[S(t)] = S(0) exp(mu t)
 * @param volatility     diffusion volatility per square-root year, sigma, at least 0
 * @param jumpIntensity  expected jumps per year, lambda, at least 0
 * @param jumpMean       mean of a jump's log size
 * @param jumpVolatility standard deviation of a jump's log size, at least 0
 * @param initialPrice   median starting price; each symbol's start is drawn around it
 * @param dailyVolume    expected volume per symbol and trading day, in units
 */
public record SyntheticSpec(int symbols, LocalDate start, double years, BarSize barSize, long seed,
        AssetClass assetClass, double drift, double volatility, double jumpIntensity, double jumpMean,
        double jumpVolatility, double initialPrice, double dailyVolume) {

    /** Five equities, one year of daily bars from 2020-01-02, seed 42. */
    public static final SyntheticSpec DEFAULT = new SyntheticSpec(5, LocalDate.of(2020, 1, 2), 1, BarSize.ONE_DAY,
            42, AssetClass.EQUITY, 0.08, 0.25, 3, -0.01, 0.04, 100, 1_000_000);

    public SyntheticSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(barSize, "bar");
        Objects.requireNonNull(assetClass, "asset");
        require(symbols >= 1, "symbols", "must be at least 1, was " + symbols);
        require(years > 0 && years <= 200, "years", "must be in (0, 200], was " + years);
        require(assetClass == AssetClass.EQUITY || assetClass == AssetClass.CRYPTO, "asset",
                "must be equity or crypto, was " + assetClass);
        require(Double.isFinite(drift), "drift", "must be finite");
        require(volatility >= 0 && volatility < 10, "volatility", "must be in [0, 10), was " + volatility);
        require(jumpIntensity >= 0 && jumpIntensity < 1e5, "jumps", "must be in [0, 1e5), was " + jumpIntensity);
        require(Double.isFinite(jumpMean) && Math.abs(jumpMean) < 1, "jumpMean", "must be in (-1, 1), was " + jumpMean);
        require(jumpVolatility >= 0 && jumpVolatility < 1, "jumpVol", "must be in [0, 1), was " + jumpVolatility);
        require(initialPrice >= 1 && initialPrice <= 1e6, "price", "must be in [1, 1e6], was " + initialPrice);
        require(dailyVolume > 0 && dailyVolume <= 1e12, "volume", "must be in (0, 1e12], was " + dailyVolume);
    }

    /** The default process for {@code symbols} equities over {@code years} at {@code barSize}. */
    public static SyntheticSpec of(int symbols, double years, BarSize barSize, long seed) {
        return DEFAULT.with("symbols", Integer.toString(symbols)).with("years", Double.toString(years))
                .with("bar", barSize.label()).with("seed", Long.toString(seed));
    }

    /**
     * Parses {@code key=value} pairs separated by commas over {@link #DEFAULT}, e.g.
     * {@code symbols=5,years=2,bar=1m,seed=42}. Keys: symbols, start (yyyy-MM-dd), years, bar
     * (1m/5m/15m/1h/1d), seed, asset (equity/crypto), drift, volatility, jumps, jumpMean, jumpVol,
     * price, volume. An empty text gives the default.
     *
     * @throws IllegalArgumentException naming the key and the value at fault
     */
    public static SyntheticSpec parse(String parameters) {
        SyntheticSpec spec = DEFAULT;
        if (parameters == null || parameters.isBlank()) {
            return spec;
        }
        for (String pair : parameters.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("synthetic parameters: expected key=value, was '" + pair.trim() + "'");
            }
            spec = spec.with(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return spec;
    }

    /** A copy with one parameter, named as in {@link #parse(String)}, set from text. */
    public SyntheticSpec with(String key, String value) {
        Map<String, Object> p = parameters();
        String k = canonicalKey(key);
        try {
            Object parsed = switch (k) {
                case "symbols" -> Integer.parseInt(value);
                case "start" -> LocalDate.parse(value);
                case "bar" -> BarSize.parse(value);
                case "seed" -> Long.parseLong(value);
                case "asset" -> asset(value);
                default -> Double.parseDouble(value);
            };
            p.put(k, parsed);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("synthetic parameter '" + k + "': cannot parse '" + value + "'");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("synthetic parameter '" + k + "': " + e.getMessage(), e);
        }
        try {
            return new SyntheticSpec((Integer) p.get("symbols"), (LocalDate) p.get("start"), (Double) p.get("years"),
                    (BarSize) p.get("bar"), (Long) p.get("seed"), (AssetClass) p.get("asset"),
                    (Double) p.get("drift"), (Double) p.get("volatility"), (Double) p.get("jumps"),
                    (Double) p.get("jumpMean"), (Double) p.get("jumpVol"), (Double) p.get("price"),
                    (Double) p.get("volume"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("synthetic " + e.getMessage(), e);
        }
    }

    /** The parameters as {@code key=value} text that {@link #parse(String)} reads back. */
    public String toParameters() {
        StringBuilder out = new StringBuilder();
        parameters().forEach((k, v) -> {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(k).append('=').append(v instanceof AssetClass a ? a.name().toLowerCase(Locale.ROOT) : v);
        });
        return out.toString();
    }

    /** The last calendar date, exclusive. */
    public LocalDate end() {
        return start.plusDays(Math.max(1, Math.round(years * 365.25)));
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("symbols", symbols);
        p.put("start", start);
        p.put("years", years);
        p.put("bar", barSize);
        p.put("seed", seed);
        p.put("asset", assetClass);
        p.put("drift", drift);
        p.put("volatility", volatility);
        p.put("jumps", jumpIntensity);
        p.put("jumpMean", jumpMean);
        p.put("jumpVol", jumpVolatility);
        p.put("price", initialPrice);
        p.put("volume", dailyVolume);
        return p;
    }

    private String canonicalKey(String key) {
        for (String known : parameters().keySet()) {
            if (known.equalsIgnoreCase(key)) {
                return known;
            }
        }
        throw new IllegalArgumentException("synthetic parameters: unknown key '" + key + "' (known: "
                + String.join(", ", parameters().keySet()) + ")");
    }

    private static AssetClass asset(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "equity" -> AssetClass.EQUITY;
            case "crypto" -> AssetClass.CRYPTO;
            default -> throw new IllegalArgumentException("expected equity or crypto, was '" + value + "'");
        };
    }

    private static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("parameter '" + key + "': " + problem);
        }
    }
}
