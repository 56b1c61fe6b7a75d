package io.amcp.datasource.alpaca.internal;

import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.CredentialStore;
import io.amcp.api.spi.DataSource;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.PluginStatus;
import io.amcp.datasource.alpaca.AlpacaCredentials;
import io.amcp.datasource.alpaca.AlpacaHttp;
import io.amcp.datasource.alpaca.AlpacaMarketData;
import io.amcp.datasource.alpaca.ReconnectingWebSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's real-time market data as a platform {@link DataSource}: minute bars, quotes and trades
 * of the configured symbols from the WebSocket stream, reconnecting with backoff and backfilling
 * missed bars over REST (see {@link MarketDataStream}). Runs only with a configuration
 * ({@code etc/io.amcp.datasource.alpaca.cfg}); a bad configuration or missing keys leave it OFFLINE
 * with the reason instead of failing the component.
 */
@Component(service = DataSource.class, configurationPid = "io.amcp.datasource.alpaca",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AlpacaDataConfig.class)
public final class AlpacaDataSource implements DataSource {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaDataSource.class);
    private static final long STOP_TIMEOUT_MS = 5_000;

    private final AlpacaDataSettings settings;
    private final AlpacaCredentials credentials;
    private final HttpClient http;
    private final java.time.Clock clock;
    private volatile PluginStatus status;
    private ScheduledExecutorService events;
    private ReconnectingWebSocket socket;
    private MarketDataStream stream;

    @Activate
    public AlpacaDataSource(AlpacaDataConfig config,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) CredentialStore credentialStore) {
        this(settingsOrNull(config), credentialsOrNull(credentialStore), problem(config, credentialStore),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), java.time.Clock.systemUTC());
    }

    /** A source with explicit parts; {@code problem} non-null leaves it OFFLINE with that reason. */
    AlpacaDataSource(AlpacaDataSettings settings, AlpacaCredentials credentials, String problem, HttpClient http,
            java.time.Clock clock) {
        this.settings = settings;
        this.credentials = credentials;
        this.http = http;
        this.clock = clock;
        this.status = problem == null ? PluginStatus.offline("not started") : PluginStatus.offline(problem);
        if (problem != null) {
            LOG.error("Alpaca market data is offline: {}", problem);
        }
    }

    private static AlpacaDataSettings settingsOrNull(AlpacaDataConfig config) {
        try {
            return AlpacaDataSettings.of(config);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AlpacaCredentials credentialsOrNull(CredentialStore store) {
        try {
            return AlpacaCredentials.resolve(store);
        } catch (IllegalStateException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String problem(AlpacaDataConfig config, CredentialStore store) {
        try {
            AlpacaDataSettings.of(config);
            AlpacaCredentials.resolve(store);
            return null;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    @Override
    public String id() {
        return "alpaca";
    }

    @Override
    public List<Instrument> instruments() {
        if (settings == null) {
            return List.of();
        }
        Set<InstrumentId> ids = new LinkedHashSet<>(settings.bars());
        ids.addAll(settings.quotes());
        ids.addAll(settings.trades());
        return ids.stream().map(Instrument::infer).toList();
    }

    @Override
    public PluginStatus status() {
        return status;
    }

    @Override
    public synchronized void start(MarketDataSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (events != null) {
            throw new IllegalStateException("Alpaca market data is already started");
        }
        if (settings == null || credentials == null) {
            LOG.warn("Alpaca market data not started: {}", status.reason());
            return;
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "amcp-alpaca-data");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        events = executor;
        AlpacaMarketData rest = new AlpacaMarketData(
                new AlpacaHttp(http, settings.dataUrl(), credentials, settings.maxRetries()), settings.feed());
        ReconnectingWebSocket[] self = new ReconnectingWebSocket[1];
        stream = new MarketDataStream(settings, credentials, rest, clock, sink, s -> status = s, () -> self[0].stop());
        socket = new ReconnectingWebSocket(http, settings.streamUrl(), settings.backoff(), stream, events,
                "alpaca-data", settings.encoding().upgradeHeaders());
        self[0] = socket;
        status = PluginStatus.offline("connecting to " + settings.streamUrl());
        socket.start();
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService e = events;
        if (e == null) {
            return;
        }
        socket.stop();
        e.shutdown();
        try {
            if (!e.awaitTermination(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                e.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            e.shutdownNow();
            Thread.currentThread().interrupt();
        }
        events = null;
        socket = null;
        stream = null;
        status = PluginStatus.offline("stopped");
    }

    /** The running session (tests). */
    MarketDataStream stream() {
        return stream;
    }

    ReconnectingWebSocket socket() {
        return socket;
    }
}
