package io.amcp.data.etl.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.CredentialStore;
import io.amcp.data.BarStore;
import io.amcp.data.etl.AlpacaPullRoutes;
import io.amcp.data.etl.AlpacaPullSettings;
import io.amcp.datasource.alpaca.AlpacaCredentials;
import io.amcp.datasource.alpaca.AlpacaHttp;
import io.amcp.datasource.alpaca.AlpacaMarketData;
import io.amcp.datasource.file.BarSize;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs the scheduled Alpaca pull into the shared history store in its own Camel context
 * {@code amcp-etl-alpaca}. The API keys come from the {@link CredentialStore} (or Alpaca's
 * environment variables), never from this configuration (PID {@code io.amcp.data.etl.alpaca},
 * required). Needs the io.amcp.datasource.alpaca bundle.
 */
@Component(service = {}, configurationPid = "io.amcp.data.etl.alpaca", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AlpacaPullConfig.class)
public final class AlpacaPullComponent {

    private final RunningCamel camel;

    @Activate
    public AlpacaPullComponent(BundleContext bundleContext, @Reference BarStore store,
            @Reference CredentialStore credentials, AlpacaPullConfig config) throws Exception {
        AlpacaPullSettings settings = settings(config);
        URI dataUrl;
        try {
            dataUrl = URI.create(config.dataUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataUrl: not a URL: '" + config.dataUrl() + "'", e);
        }
        AlpacaHttp http = new AlpacaHttp(HttpClient.newHttpClient(), dataUrl, AlpacaCredentials.resolve(credentials),
                config.maxRetries());
        camel = new RunningCamel(bundleContext, "amcp-etl-alpaca",
                new AlpacaPullRoutes(store, new AlpacaMarketData(http, config.feed()), settings));
    }

    static AlpacaPullSettings settings(AlpacaPullConfig config) {
        List<InstrumentId> symbols = Arrays.stream(config.symbols()).map(String::trim).filter(s -> !s.isEmpty())
                .map(InstrumentId::of).toList();
        Instant start;
        try {
            start = Instant.parse(config.start().trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("start: expected an ISO-8601 UTC instant such as 2024-01-02T00:00:00Z, was '"
                    + config.start() + "'", e);
        }
        return new AlpacaPullSettings(symbols, BarSize.parse(config.barSize()), start, config.dataset(),
                config.periodMillis(), Path.of(config.reports()));
    }

    @Deactivate
    void deactivate() {
        camel.stop();
    }
}
