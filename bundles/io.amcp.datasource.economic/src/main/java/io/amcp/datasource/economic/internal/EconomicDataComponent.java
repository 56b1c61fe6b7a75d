package io.amcp.datasource.economic.internal;

import io.amcp.api.altdata.MacroObservation;
import io.amcp.api.altdata.MacroSeries;
import io.amcp.api.spi.CredentialStore;
import io.amcp.api.spi.DataSourceHealth;
import io.amcp.api.spi.PluginStatus;
import io.amcp.datasource.economic.EconomicData;
import io.amcp.datasource.economic.SeriesHealth;
import io.amcp.datasource.http.ResilientHttp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The economic data source as a DS component, PID {@code io.amcp.datasource.economic}: loads the
 * stored series at once, refreshes every series on its own thread right after activation and then
 * every {@code refreshIntervalMinutes}, and publishes {@link MacroSeries} and {@link EconomicData}.
 * The FRED key comes from the {@link CredentialStore} ({@code fred.api-key}) or, without one, from
 * the environment variable {@code FRED_API_KEY}.
 */
@Component(service = {EconomicData.class, MacroSeries.class, DataSourceHealth.class}, configurationPid = "io.amcp.datasource.economic",
        immediate = true)
@Designate(ocd = EconomicDataConfig.class)
public final class EconomicDataComponent implements EconomicData, DataSourceHealth {

    private final EconomicDataService service;
    private final ScheduledExecutorService scheduler;

    @Activate
    public EconomicDataComponent(EconomicDataConfig config,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            CredentialStore credentials) {
        this(EconomicSettings.of(config), credentials);
    }

    private EconomicDataComponent(EconomicSettings settings, CredentialStore credentials) {
        this(new EconomicDataService(settings, credentials, System::getenv, Clock.systemUTC(), ResilientHttp.Sleeper.REAL),
                settings.refreshInterval().toMillis());
    }

    EconomicDataComponent(EconomicDataService service, long refreshMillis) {
        this.service = service;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "amcp-economic-refresh");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(service::refreshAll, 0, refreshMillis, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public Set<String> seriesIds() {
        return service.seriesIds();
    }

    @Override
    public List<MacroObservation> asOf(String seriesId, Instant knownAt) {
        return service.asOf(seriesId, knownAt);
    }

    @Override
    public List<SeriesHealth> health() {
        return service.health();
    }

    @Override
    public String sourceId() {
        return "economic";
    }

    /** One feed per configured series. */
    @Override
    public List<FeedHealth> feeds() {
        return service.health().stream().map(h -> new FeedHealth(h.seriesId(), h.lastSuccess(),
                h.lastFailure(), h.lastError(), h.consecutiveFailures())).toList();
    }

    @Override
    public PluginStatus status() {
        return service.status();
    }
}
