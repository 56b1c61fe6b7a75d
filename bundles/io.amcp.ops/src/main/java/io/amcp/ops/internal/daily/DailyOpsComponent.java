package io.amcp.ops.internal.daily;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerStatementSource;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.RiskRule;
import io.amcp.api.spi.TradingNode;
import io.amcp.core.Kernel;
import io.amcp.ops.AlertService;
import io.amcp.ops.internal.metrics.DataFreshness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daily operations on the NYSE calendar by the platform {@link Clock} and raises an alert
 * for each result: INFO when a job found nothing, WARNING for pre-market problems and order
 * differences, CRITICAL for position or cash differences.
 */
@Component(immediate = true, service = {}, configurationPid = "io.amcp.ops.daily")
@Designate(ocd = DailyOpsConfig.class)
public final class DailyOpsComponent {

    private static final Logger LOG = LoggerFactory.getLogger(DailyOpsComponent.class);

    private final List<BrokerConnector> brokers = new CopyOnWriteArrayList<>();
    private final List<RiskRule> rules = new CopyOnWriteArrayList<>();
    private final List<BrokerStatementSource> statements = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "amcp-ops-daily");
        t.setDaemon(true);
        return t;
    });

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AlertService alerts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataFreshness freshness;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Kernel kernel;

    @Activate
    public DailyOpsComponent(@Reference TradingNode node, @Reference Clock clock, DailyOpsConfig config) {
        if (config.tickSeconds() <= 0) {
            throw new IllegalArgumentException("tickSeconds: must be positive, was " + config.tickSeconds());
        }
        Path reports = config.reportDirectory().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "reports") : Path.of(config.reportDirectory().trim());
        DailyScheduler scheduler = scheduler(node, clock, config, reports);
        ticker.scheduleWithFixedDelay(() -> {
            try {
                scheduler.tick().forEach(this::alert);
            } catch (RuntimeException e) {
                LOG.warn("daily operations tick failed", e);
            }
        }, config.tickSeconds(), config.tickSeconds(), TimeUnit.SECONDS);
    }

    /** The scheduler with the four jobs (maintenance: retention purge, then journal compaction) wired to this component's services. */
    DailyScheduler scheduler(TradingNode node, Clock clock, DailyOpsConfig config, Path reports) {
        DailySchedule schedule = DailySchedule.of(config.preMarketMinutesBeforeOpen(), config.reconcileMinutesAfterClose(),
                config.reportMinutesAfterClose(), config.maintenanceMinutesAfterClose());
        PreMarketCheck check = new PreMarketCheck(node, () -> List.copyOf(brokers), () -> List.copyOf(rules),
                () -> freshness == null ? Map.of() : freshness.lastDataTimes(), NyseCalendar.INSTANCE,
                Duration.ofMinutes(config.dataToleranceMinutes()));
        Reconciler reconciler = new Reconciler(node, () -> List.copyOf(statements), NyseCalendar.INSTANCE.zone());
        EndOfDayReport report = new EndOfDayReport(node, NyseCalendar.INSTANCE, reports);
        RetentionPurge purge = new RetentionPurge(RetentionPolicy.parse(config.retention()));
        JournalCompaction compaction = new JournalCompaction(() -> kernel);
        Map<DailyJob, BiFunction<LocalDate, Instant, JobResult>> jobs = new EnumMap<>(DailyJob.class);
        jobs.put(DailyJob.PRE_MARKET_CHECK, check::run);
        jobs.put(DailyJob.RECONCILIATION, reconciler::run);
        jobs.put(DailyJob.END_OF_DAY_REPORT, report::run);
        jobs.put(DailyJob.MAINTENANCE, (date, now) -> JournalCompaction.merge(purge.run(date, now), compaction.run(date, now)));
        return new DailyScheduler(clock, NyseCalendar.INSTANCE, schedule, jobs);
    }

    private void alert(JobResult r) {
        AlertService a = alerts;
        LOG.info("{} for {}: {} {}", r.job(), r.date(), r.ok() ? "ok" : "PROBLEMS", r.findings());
        if (a != null) {
            DailyOpsAlerts.raise(a, r);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addBroker(BrokerConnector b) {
        brokers.add(b);
    }

    void removeBroker(BrokerConnector b) {
        brokers.remove(b);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRiskRule(RiskRule r) {
        rules.add(r);
    }

    void removeRiskRule(RiskRule r) {
        rules.remove(r);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStatementSource(BrokerStatementSource s) {
        statements.add(s);
    }

    void removeStatementSource(BrokerStatementSource s) {
        statements.remove(s);
    }

    @Deactivate
    void deactivate() {
        ticker.shutdownNow();
    }
}
