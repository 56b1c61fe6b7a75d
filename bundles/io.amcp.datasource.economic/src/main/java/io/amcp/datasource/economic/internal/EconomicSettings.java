package io.amcp.datasource.economic.internal;

import io.amcp.datasource.http.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The validated form of {@link EconomicDataConfig}.
 *
 * @param series              series, in configuration order, ids unique
 * @param fredBaseUrl         FRED base URL without a trailing slash
 * @param ecbBaseUrl          ECB base URL without a trailing slash
 * @param worldBankBaseUrl    World Bank base URL without a trailing slash
 * @param fredReleaseTime     New York time of day a FRED value counts as released
 * @param ecbLagDays          default ECB publication lag
 * @param worldBankLagDays    default World Bank publication lag
 * @param storeDirectory      where the per-series files live
 * @param refreshInterval     time between refreshes
 * @param retry               retry policy
 * @param requestTimeout      time-out of one request
 */
record EconomicSettings(List<SeriesRef> series, String fredBaseUrl, String ecbBaseUrl, String worldBankBaseUrl,
        LocalTime fredReleaseTime, int ecbLagDays, int worldBankLagDays, Path storeDirectory, Duration refreshInterval,
        RetryPolicy retry, Duration requestTimeout) {

    EconomicSettings {
        series = List.copyOf(series);
        Set<String> ids = new HashSet<>();
        for (SeriesRef ref : series) {
            if (!ids.add(ref.id())) {
                throw new IllegalArgumentException("series: '" + ref.id() + "' is listed twice");
            }
        }
        fredBaseUrl = url("fredBaseUrl", fredBaseUrl);
        ecbBaseUrl = url("ecbBaseUrl", ecbBaseUrl);
        worldBankBaseUrl = url("worldBankBaseUrl", worldBankBaseUrl);
        Objects.requireNonNull(fredReleaseTime, "fredReleaseTime");
        if (ecbLagDays < 0) {
            throw new IllegalArgumentException("ecbPublicationLagDays: must not be negative, was " + ecbLagDays);
        }
        if (worldBankLagDays < 0) {
            throw new IllegalArgumentException("worldBankPublicationLagDays: must not be negative, was " + worldBankLagDays);
        }
        Objects.requireNonNull(storeDirectory, "storeDirectory");
        if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshIntervalMinutes: must be positive, was " + refreshInterval);
        }
        Objects.requireNonNull(retry, "retry");
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeoutSeconds: must be positive, was " + requestTimeout);
        }
    }

    /**
     * Validates a configuration.
     *
     * @throws IllegalArgumentException naming the attribute at fault
     */
    static EconomicSettings of(EconomicDataConfig config) {
        List<SeriesRef> series = new ArrayList<>();
        // a .cfg file gives "a, b, c" as one string, Configuration Admin's typed arrays give one entry per element
        for (String entries : config.series()) {
            for (String entry : entries.split(",")) {
                if (!entry.isBlank()) {
                    series.add(SeriesRef.parse(entry));
                }
            }
        }
        LocalTime release;
        try {
            release = LocalTime.parse(config.fredReleaseTime().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("fredReleaseTime: expected HH:mm, was '" + config.fredReleaseTime() + "'", e);
        }
        String directory = config.storeDirectory().strip();
        Path store = directory.isEmpty() ? Path.of(System.getProperty("karaf.data", "data"), "amcp", "economic") : Path.of(directory);
        return new EconomicSettings(series, config.fredBaseUrl(), config.ecbBaseUrl(), config.worldBankBaseUrl(), release,
                config.ecbPublicationLagDays(), config.worldBankPublicationLagDays(), store,
                Duration.ofMinutes(config.refreshIntervalMinutes()),
                new RetryPolicy(config.maxAttempts(), Duration.ofMillis(config.initialBackoffMillis()),
                        Duration.ofMillis(config.maxBackoffMillis())),
                Duration.ofSeconds(config.requestTimeoutSeconds()));
    }

    /** The lag that applies to {@code ref} (its override, else its provider's). */
    int lagDays(SeriesRef ref) {
        return ref.lagDays().orElse(ref.provider() == Provider.ECB ? ecbLagDays : worldBankLagDays);
    }

    private static String url(String field, String value) {
        if (value == null || !(value.startsWith("http://") || value.startsWith("https://"))) {
            throw new IllegalArgumentException(field + ": must be an http(s) URL, was '" + value + "'");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
