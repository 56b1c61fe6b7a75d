package io.amcp.surveillance.internal;

import io.amcp.api.spi.Clock;
import io.amcp.api.spi.TradingNode;
import io.amcp.surveillance.Alert;
import io.amcp.surveillance.DailySurveillance;
import io.amcp.surveillance.RecordRetention;
import io.amcp.surveillance.SurveillanceListener;
import io.amcp.surveillance.SurveillanceSettings;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link DailySurveillance} over the trading node's orders on its own single-thread scheduler,
 * checking the schedule against the platform clock every {@code tickSeconds}. New alerts are logged
 * (WARN) and passed to every {@link SurveillanceListener} service; closed days are logged (INFO).
 */
@Component(service = {}, immediate = true, configurationPid = "io.amcp.surveillance")
@Designate(ocd = SurveillanceConfig.class)
public final class SurveillanceComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SurveillanceComponent.class);

    private final List<SurveillanceListener> listeners = new CopyOnWriteArrayList<>();
    private final DailySurveillance surveillance;
    private final ScheduledExecutorService scheduler;

    @Activate
    public SurveillanceComponent(@Reference TradingNode node, @Reference Clock clock, SurveillanceConfig config) {
        String dir = config.reportDirectory().isBlank()
                ? System.getProperty("karaf.data", "data") + "/surveillance" : config.reportDirectory().trim();
        Path reports = Path.of(dir);
        Path archive = config.archiveDirectory().isBlank() ? null : Path.of(config.archiveDirectory().trim());
        if (config.retentionDays() <= 0) {
            throw new IllegalArgumentException("retentionDays: must be positive, was " + config.retentionDays());
        }
        this.surveillance = new DailySurveillance(node::orders, settings(config), schedule(config), config.account().trim(),
                reports, new RecordRetention(reports, archive, Duration.ofDays(config.retentionDays()), clock), this::raise);
        if (config.tickSeconds() <= 0) {
            throw new IllegalArgumentException("tickSeconds: must be positive, was " + config.tickSeconds());
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "amcp-surveillance");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> tick(clock), 0, config.tickSeconds(), TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(SurveillanceListener listener) {
        listeners.add(listener);
    }

    void removeListener(SurveillanceListener listener) {
        listeners.remove(listener);
    }

    private void tick(Clock clock) {
        try {
            DailySurveillance.Tick t = surveillance.tick(clock.nanos());
            t.closed().forEach((day, files) -> {
                LOG.info("surveillance day {} closed: wrote {}", day, files);
                for (SurveillanceListener l : listeners) {
                    try {
                        l.onDailyReports(day, files);
                    } catch (RuntimeException e) {
                        LOG.error("surveillance listener {} failed on the reports of {}", l, day, e);
                    }
                }
            });
            if (!t.expired().isEmpty()) {
                LOG.info("record retention removed or archived {}", t.expired());
            }
        } catch (RuntimeException e) {
            LOG.error("surveillance run failed", e); // the next tick tries again
        }
    }

    private void raise(Alert alert) {
        LOG.warn("surveillance alert {} {} {}: {} {}", alert.type(), alert.strategy(),
                alert.instrument() == null ? "" : alert.instrument(), alert.message(), alert.orders());
        for (SurveillanceListener l : listeners) {
            try {
                l.onAlert(alert);
            } catch (RuntimeException e) {
                LOG.error("surveillance listener {} failed on {}", l, alert.type(), e);
            }
        }
    }

    static SurveillanceSettings settings(SurveillanceConfig c) {
        return new SurveillanceSettings(Duration.ofSeconds(c.washWindowSeconds()), c.washPriceToleranceBps() / 10_000,
                Duration.ofSeconds(c.spoofCancelWithinSeconds()), c.spoofSizeRatio(), c.maxOrderToTrade(),
                c.minOrdersForRatio(), Set.copyOf(RestrictedListRule.symbols("restricted", c.restricted()).stream()
                        .map(Object::toString).toList()));
    }

    static DailySurveillance.Schedule schedule(SurveillanceConfig c) {
        ZoneId zone;
        try {
            zone = ZoneId.of(c.zone().trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone: unknown time zone '" + c.zone() + "'", e);
        }
        LocalTime at;
        try {
            at = LocalTime.parse(c.reportTime().trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("reportTime: expected HH:mm, was '" + c.reportTime() + "'", e);
        }
        if (c.scanIntervalMinutes() <= 0) {
            throw new IllegalArgumentException("scanIntervalMinutes: must be positive, was " + c.scanIntervalMinutes());
        }
        return new DailySurveillance.Schedule(zone, at, Duration.ofMinutes(c.scanIntervalMinutes()));
    }
}
