package io.amcp.datasource.economic.internal;

import io.amcp.api.altdata.MacroObservation;
import io.amcp.api.spi.CredentialStore;
import io.amcp.api.spi.PluginStatus;
import io.amcp.datasource.economic.EconomicData;
import io.amcp.datasource.economic.EconomicDataException;
import io.amcp.datasource.economic.SeriesHealth;
import io.amcp.datasource.http.ResilientHttp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the configured series into the {@link PointInTimeStore} and answers point-in-time
 * queries from it. {@link #refreshAll()} runs on the caller's thread (the component's scheduler);
 * one failing series is recorded in its health and never stops the others.
 */
final class EconomicDataService implements EconomicData {

    static final String FRED_KEY = "fred.api-key";
    static final String FRED_KEY_ENV = "FRED_API_KEY";
    private static final Logger LOG = LoggerFactory.getLogger(EconomicDataService.class);

    private final EconomicSettings settings;
    private final Clock clock;
    private final PointInTimeStore store;
    private final Map<String, SeriesRef> series = new LinkedHashMap<>();
    private final Map<String, SeriesHealth> health = new ConcurrentHashMap<>();
    private final FredClient fred;
    private final EcbClient ecb;
    private final WorldBankClient worldBank;

    /**
     * @param credentials where the FRED key is looked up first, may be null
     * @param environment environment variables, the fallback for the FRED key
     * @param clock       wall clock, stamps downloads and health
     * @param sleeper     waits between retries
     */
    EconomicDataService(EconomicSettings settings, CredentialStore credentials, Function<String, String> environment,
            Clock clock, ResilientHttp.Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(environment, "environment");
        this.store = new PointInTimeStore(settings.storeDirectory());
        ResilientHttp<EconomicDataException> http = new ResilientHttp<>(ResilientHttp.Settings.of("observations",
                "AMCP economic data source", settings.requestTimeout(), settings.retry(), ResilientHttp.Throttle.NONE),
                new EconomicFailures(), clock, sleeper);
        this.fred = new FredClient(settings.fredBaseUrl(), http, () -> fredKey(credentials, environment), settings.fredReleaseTime());
        this.ecb = new EcbClient(settings.ecbBaseUrl(), http);
        this.worldBank = new WorldBankClient(settings.worldBankBaseUrl(), http);
        for (SeriesRef ref : settings.series()) {
            series.put(ref.id(), ref);
            store.load(ref.id());
            health.put(ref.id(), SeriesHealth.of(ref.id(), store.all(ref.id()).size(), latestPeriod(ref.id())));
        }
    }

    private static String fredKey(CredentialStore credentials, Function<String, String> environment) {
        String key = credentials == null ? null : credentials.secret(FRED_KEY).orElse(null);
        if (key == null || key.isBlank()) {
            key = environment.apply(FRED_KEY_ENV);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("missing credential '" + FRED_KEY + "': store it in the credential vault "
                    + "(amcp:credential-set " + FRED_KEY + " <value>) or set the environment variable " + FRED_KEY_ENV);
        }
        return key.strip();
    }

    @Override
    public Set<String> seriesIds() {
        return new LinkedHashSet<>(series.keySet());
    }

    @Override
    public List<MacroObservation> asOf(String seriesId, Instant knownAt) {
        if (!series.containsKey(seriesId)) {
            throw new IllegalArgumentException("seriesId: unknown series '" + seriesId + "', configured: " + series.keySet());
        }
        return store.asOf(seriesId, knownAt);
    }

    /** Every stored release of a series (all vintages), by period then release. */
    List<MacroObservation> releases(String seriesId) {
        return store.all(seriesId);
    }

    /** Refreshes every series, one after the other; failures end up in {@link #health()}. */
    void refreshAll() {
        for (String id : series.keySet()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            refresh(id);
        }
    }

    /** Refreshes one series; returns true when it succeeded. */
    boolean refresh(String seriesId) {
        SeriesRef ref = series.get(seriesId);
        if (ref == null) {
            throw new IllegalArgumentException("seriesId: unknown series '" + seriesId + "', configured: " + series.keySet());
        }
        try {
            int added = switch (ref.provider()) {
                case FRED -> store.mergeReleased(ref.id(), fred.fetch(ref));
                case ECB -> store.mergeUndated(ref.id(), ecb.fetch(ref), settings.lagDays(ref), clock.instant());
                case WORLD_BANK -> store.mergeUndated(ref.id(), worldBank.fetch(ref), settings.lagDays(ref), clock.instant());
            };
            health.computeIfPresent(ref.id(), (id, h) -> h.succeeded(clock.instant(), store.all(id).size(), latestPeriod(id)));
            LOG.debug("{}: {} new observation(s)", ref.id(), added);
            return true;
        } catch (EconomicDataException | IllegalStateException | java.io.UncheckedIOException e) {
            String reason = e instanceof EconomicDataException ede ? ede.reason() : e.getMessage();
            health.computeIfPresent(ref.id(), (id, h) -> h.failed(clock.instant(), reason));
            LOG.warn("{}: refresh failed: {}", ref.id(), reason);
            return false;
        }
    }

    private LocalDate latestPeriod(String seriesId) {
        List<MacroObservation> all = store.all(seriesId);
        return all.isEmpty() ? null : all.get(all.size() - 1).period();
    }

    @Override
    public List<SeriesHealth> health() {
        return series.keySet().stream().map(health::get).toList();
    }

    @Override
    public PluginStatus status() {
        String failing = health().stream().filter(h -> h.consecutiveFailures() > 0).map(h -> h.status().reason())
                .collect(Collectors.joining("; "));
        return failing.isEmpty() ? PluginStatus.ONLINE : PluginStatus.offline(failing);
    }
}
