package io.amcp.ai.inference.internal;

import io.amcp.ai.features.TripleBarrier;
import io.amcp.ai.models.GradientBoostingTrainer;
import io.amcp.ai.models.LogisticRegressionTrainer;
import io.amcp.ai.models.ModelCodec;
import io.amcp.ai.models.ModelTrainer;
import io.amcp.ai.models.RandomForestTrainer;
import io.amcp.ai.models.StackingTrainer;
import io.amcp.ai.models.SvmTrainer;
import io.amcp.ai.models.TrainingPipeline;
import io.amcp.ai.models.TrainingReport;
import io.amcp.ai.models.XGBoostTrainer;
import io.amcp.ai.models.registry.DataRange;
import io.amcp.ai.models.registry.ModelRegistry;
import io.amcp.ai.models.registry.ModelVersion;
import io.amcp.ai.models.validation.PurgedKFold;
import io.amcp.api.model.BarSeries;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DatasetProvider;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retrains a model on a schedule in exchange time. Each run takes the configured dataset's bars up to
 * the platform {@link Clock}'s now (the newest data, never later bars), runs the
 * {@link TrainingPipeline} (standard features, triple-barrier labels, the newest {@code holdout}
 * fraction held out with purging and embargo), registers the fitted model as the next version with
 * its held-out metrics, and promotes it when its held-out metric is not worse than the promoted
 * version's recorded one by more than the tolerance (the first version is always promoted). Each
 * version's metric is out of sample on the newest data of its own run. Progress is logged and kept
 * in {@link #status()}.
 */
@Component(service = RetrainingComponent.class, configurationPid = "io.amcp.ai.retraining",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = RetrainingConfig.class, factory = true)
public final class RetrainingComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RetrainingComponent.class);

    /**
     * What one run did.
     *
     * @param version         the registered version
     * @param metric          its held-out promotion metric
     * @param promotedMetric  the promoted version's metric it was compared with (NaN for the first)
     * @param promoted        whether it was promoted
     */
    public record Outcome(ModelVersion version, double metric, double promotedMetric, boolean promoted) {
    }

    private final Clock clock;
    private final DatasetProvider datasets;
    private final RetrainingConfig config;
    private final ModelRegistry registry;
    private final LocalTime time;
    private final ZoneId zone;
    private final boolean lowerIsBetter;
    private final ModelTrainer trainer;
    private final ScheduledExecutorService poller;
    /**
     * Written only by {@link #runIfDue()} (under the job's lock, which serialises runs); volatile so
     * that {@link #nextRun()} reads it without waiting for a run in progress.
     */
    private volatile long nextRun;
    private volatile String status = "idle";

    @Activate
    public RetrainingComponent(@Reference Clock clock, @Reference DatasetProvider datasets, RetrainingConfig config) {
        this.clock = clock;
        this.datasets = datasets;
        this.config = config;
        ModelVersion.checkName(config.model_name());
        try {
            this.time = LocalTime.parse(config.scheduleTime());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduleTime: expected HH:mm, got '" + config.scheduleTime() + "'", e);
        }
        try {
            this.zone = ZoneId.of(config.scheduleZone());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("scheduleZone: unknown time zone '" + config.scheduleZone() + "'", e);
        }
        this.lowerIsBetter = switch (config.promotionMetric()) {
            case "logLoss" -> true;
            case "accuracy" -> false;
            default -> throw new IllegalArgumentException("promotionMetric: expected logLoss or accuracy, got '"
                    + config.promotionMetric() + "'");
        };
        if (!(config.tolerance() >= 0)) {
            throw new IllegalArgumentException("tolerance: must not be negative, got " + config.tolerance());
        }
        this.trainer = trainer(config);
        // validates holdout, embargo and the barrier now rather than at the first run
        new TrainingPipeline(trainer, barrier(config), config.holdout(), config.embargoBars(), 1);
        Path root = Path.of(config.registry());
        String data = System.getProperty("karaf.data");
        if (!root.isAbsolute() && data != null) {
            root = Path.of(data).resolve(root);
        }
        this.registry = new ModelRegistry(root);
        this.nextRun = nextRunAfter(clock.nanos());
        if (config.pollSeconds() > 0) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "amcp-retraining-" + config.model_name());
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::pollSafely, config.pollSeconds(), config.pollSeconds(), TimeUnit.SECONDS);
        } else {
            poller = null;
        }
        LOG.info("Retraining {} ({}) at {} {}; first run at {}", config.model_name(), trainer.kind(), time, zone,
                Clock.toInstant(nextRun));
    }

    @Deactivate
    void deactivate() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** The registry versions are written to. */
    public ModelRegistry registry() {
        return registry;
    }

    /**
     * When the next run is due, epoch nanoseconds. Never waits for a run in progress: during a run it
     * is that run's due time, and the following one once the run ends.
     */
    public long nextRun() {
        return nextRun;
    }

    /** The current phase and progress of a run, or the last run's result. */
    public String status() {
        return status;
    }

    /** Runs a retraining when one is due at the clock's now, then schedules the next. */
    public synchronized Optional<Outcome> runIfDue() {
        long now = clock.nanos();
        if (now < nextRun) {
            return Optional.empty();
        }
        try {
            return Optional.of(run(now));
        } finally {
            nextRun = nextRunAfter(now);
        }
    }

    private void pollSafely() {
        try {
            runIfDue();
        } catch (RuntimeException e) {
            status = "failed: " + e.getMessage();
            LOG.error("Retraining {} failed", config.model_name(), e);
        }
    }

    private Outcome run(long now) {
        BarSeries series = newestBars(now);
        TrainingPipeline pipeline = new TrainingPipeline(trainer, barrier(config), config.holdout(), config.embargoBars(), 1);
        String name = config.model_name();
        long[] lastLogged = {-1};
        TrainingReport report = pipeline.run(series, (phase, done, total) -> {
            status = "training " + name + ": " + phase + " " + done + "/" + total;
            long tenth = total == 0 ? 0 : done * 10 / total;
            if (tenth != lastLogged[0]) {
                lastLogged[0] = tenth;
                LOG.info("Retraining {}: {} {}/{}", name, phase, done, total);
            }
        });
        int[] train = report.train();
        DataRange range = DataRange.of(config.dataset(), series.instrument().id().value(),
                report.data().time(train[0]), report.data().time(train[train.length - 1]), train.length);
        ModelVersion version = registry.register(name, report.kind(), ModelCodec.write(report.model()),
                report.parameters(), range, report.metrics(), report.featureNames(), Clock.toInstant(now).toString());
        double metric = report.metrics().get(config.promotionMetric());
        Optional<ModelVersion> current = registry.promoted(name);
        double currentMetric = current.map(v -> v.metrics().getOrDefault(config.promotionMetric(), Double.NaN))
                .orElse(Double.NaN);
        boolean promote = current.isEmpty() || Double.isNaN(currentMetric) || (lowerIsBetter
                ? metric <= currentMetric + config.tolerance()
                : metric >= currentMetric - config.tolerance());
        if (promote) {
            registry.promote(name, version.version());
        }
        status = String.format("%s v%d: %s %.4f against %.4f, %s", name, version.version(), config.promotionMetric(),
                metric, currentMetric, promote ? "promoted" : "not promoted");
        LOG.info("Retraining {}", status);
        return new Outcome(version, metric, currentMetric, promote);
    }

    private BarSeries newestBars(long now) {
        List<BarSeries> all = datasets.load(config.dataset());
        BarSeries s = all.stream()
                .filter(b -> config.instrument().isEmpty() || b.instrument().id().value().equals(config.instrument()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("instrument: '" + config.instrument()
                        + "' is not in dataset " + config.dataset()));
        long[] t = s.time();
        int end = 0;
        while (end < t.length && t[end] <= now) {
            end++;
        }
        int start = config.maxBars() > 0 ? Math.max(0, end - config.maxBars()) : 0;
        return new BarSeries(s.instrument(), Arrays.copyOfRange(t, start, end), Arrays.copyOfRange(s.open(), start, end),
                Arrays.copyOfRange(s.high(), start, end), Arrays.copyOfRange(s.low(), start, end),
                Arrays.copyOfRange(s.close(), start, end), Arrays.copyOfRange(s.volume(), start, end));
    }

    private long nextRunAfter(long nanos) {
        ZonedDateTime now = Clock.toInstant(nanos).atZone(zone);
        ZonedDateTime candidate = now.toLocalDate().atTime(time).atZone(zone);
        while (!candidate.isAfter(now) || (config.weekdaysOnly() && (candidate.getDayOfWeek() == DayOfWeek.SATURDAY
                || candidate.getDayOfWeek() == DayOfWeek.SUNDAY))) {
            candidate = candidate.toLocalDate().plusDays(1).atTime(time).atZone(zone);
        }
        return Clock.toNanos(candidate.toInstant());
    }

    private static TripleBarrier barrier(RetrainingConfig config) {
        return TripleBarrier.of(config.profitTake(), config.stopLoss(), config.horizonBars(), config.volatilityBars());
    }

    private static ModelTrainer trainer(RetrainingConfig config) {
        if (config.models().length == 0) {
            throw new IllegalArgumentException("models: at least one model kind is needed");
        }
        List<ModelTrainer> bases = new ArrayList<>();
        for (String kind : config.models()) {
            bases.add(switch (kind.trim()) {
                case "xgboost" -> XGBoostTrainer.defaults(config.seed());
                case "gradient-boosting" -> GradientBoostingTrainer.defaults(config.seed());
                case "random-forest" -> RandomForestTrainer.defaults(config.seed());
                case "logistic-regression" -> LogisticRegressionTrainer.defaults();
                case "svm" -> SvmTrainer.defaults(config.seed());
                default -> throw new IllegalArgumentException("models: unknown model kind '" + kind + "'");
            });
        }
        return bases.size() == 1 ? bases.get(0) : new StackingTrainer(bases, PurgedKFold.of(3, config.embargoBars()));
    }
}
