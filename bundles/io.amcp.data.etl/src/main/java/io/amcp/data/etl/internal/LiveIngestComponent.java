package io.amcp.data.etl.internal;

import io.amcp.api.spi.MarketDataHub;
import io.amcp.data.BarStore;
import io.amcp.data.etl.LiveIngestRoutes;
import io.amcp.data.etl.LiveIngestSettings;
import io.amcp.datasource.file.BarSize;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the live-stream ingest in its own Camel context {@code amcp-etl-live}: subscribes LOSSLESS to
 * the {@link MarketDataHub} once the route runs, and unsubscribes before the context stops (which
 * stores the pending micro-batch). PID {@code io.amcp.data.etl.live}, required.
 */
@Component(service = {}, configurationPid = "io.amcp.data.etl.live", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LiveIngestConfig.class)
public final class LiveIngestComponent {

    private final RunningCamel camel;
    private final MarketDataHub.Subscription subscription;

    @Activate
    public LiveIngestComponent(BundleContext bundleContext, @Reference BarStore store, @Reference MarketDataHub hub,
            LiveIngestConfig config) throws Exception {
        if (config.queueCapacity() < 1) {
            throw new IllegalArgumentException("queueCapacity: must be at least 1, was " + config.queueCapacity());
        }
        LiveIngestRoutes routes = new LiveIngestRoutes(store, settings(config));
        camel = new RunningCamel(bundleContext, "amcp-etl-live", routes);
        try {
            subscription = routes.subscribe(hub, camel.context(), config.queueCapacity());
        } catch (RuntimeException e) {
            camel.stop();
            throw e;
        }
    }

    static LiveIngestSettings settings(LiveIngestConfig config) {
        return new LiveIngestSettings(config.subscription(), config.dataset(), BarSize.parse(config.barSize()),
                config.batchSize(), config.flushMillis(), Path.of(config.reports()), config.retryAttempts(),
                config.retryBackoffMillis());
    }

    @Deactivate
    void deactivate() {
        subscription.close();
        camel.stop();
    }
}
