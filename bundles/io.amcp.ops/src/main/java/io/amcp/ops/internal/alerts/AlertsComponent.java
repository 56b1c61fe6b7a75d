package io.amcp.ops.internal.alerts;

import io.amcp.api.spi.Clock;
import io.amcp.ops.AlertService;
import io.amcp.ops.Severity;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** Registers the {@link AlertService} with the channels {@link AlertsConfig} enables. */
@Component(service = AlertService.class, configurationPid = "io.amcp.ops.alerts")
@Designate(ocd = AlertsConfig.class)
public final class AlertsComponent implements AlertService {

    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "amcp-alerts");
        t.setDaemon(true);
        return t;
    });
    private final AlertDispatcher dispatcher;

    @Activate
    public AlertsComponent(@Reference Clock clock, AlertsConfig config) {
        this.dispatcher = new AlertDispatcher(clock, Duration.ofSeconds(config.dedupWindowSeconds()), routes(config),
                delivery);
    }

    /** The channels a configuration enables; names the property at fault when invalid. */
    static List<AlertDispatcher.Route> routes(AlertsConfig config) {
        if (config.dedupWindowSeconds() < 0) {
            throw new IllegalArgumentException("dedupWindowSeconds: must not be negative, was " + config.dedupWindowSeconds());
        }
        Duration timeout = Duration.ofSeconds(config.timeoutSeconds());
        List<AlertDispatcher.Route> routes = new ArrayList<>();
        routes.add(new AlertDispatcher.Route(new LogChannel(),
                Severity.parse("logMinimumSeverity", config.logMinimumSeverity()), positive("logPerMinute", config.logPerMinute()), Duration.ofMinutes(1)));
        if (!config.webhookUrl().isBlank()) {
            URI url;
            try {
                url = URI.create(config.webhookUrl().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("webhookUrl: not a URL: '" + config.webhookUrl() + "'", e);
            }
            routes.add(new AlertDispatcher.Route(new WebhookChannel(url, config.nodeName(), timeout),
                    Severity.parse("webhookMinimumSeverity", config.webhookMinimumSeverity()),
                    positive("webhookPerMinute", config.webhookPerMinute()), Duration.ofMinutes(1)));
        }
        if (!config.smtpHost().isBlank()) {
            List<String> to = Arrays.stream(config.smtpTo().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            SmtpClient smtp = new SmtpClient(config.smtpHost(), config.smtpPort(), config.nodeName(), timeout);
            routes.add(new AlertDispatcher.Route(
                    new EmailChannel(smtp, config.smtpFrom().trim(), to, config.nodeName(), ZoneId.of("America/New_York")),
                    Severity.parse("smtpMinimumSeverity", config.smtpMinimumSeverity()),
                    positive("smtpPerHour", config.smtpPerHour()), Duration.ofHours(1)));
        }
        return routes;
    }

    private static int positive(String property, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(property + ": must be positive, was " + value);
        }
        return value;
    }

    @Override
    public boolean raise(Severity severity, String source, String key, String message) {
        return dispatcher.raise(severity, source, key, message);
    }

    @Deactivate
    void deactivate() {
        delivery.shutdown();
    }
}
