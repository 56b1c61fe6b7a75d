package io.amcp.ai.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.ai.inference.DeviceChoice;
import io.amcp.ai.inference.ModelLoader;
import io.amcp.ai.inference.Predictor;
import io.amcp.ai.models.registry.ModelVersion;
import io.amcp.api.model.BarSeries;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.core.SimulatedClock;
import io.amcp.datasource.file.BundledDatasets;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two scheduled retraining cycles on the real BTC/USD 5-minute bars (Bitstamp, 2013-11-25 to 12-01),
 * driven by a simulated clock: runs at 00:00 UTC on 29 and 30 November, each on the bars up to then.
 */
class RetrainingComponentTest {

    private static RetrainingConfig config(String registry, String metric, double tolerance, String time) {
        return new RetrainingConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RetrainingConfig.class; }
            @Override public String model_name() { return "btc-xgb"; }
            @Override public String registry() { return registry; }
            @Override public String scheduleTime() { return time; }
            @Override public String scheduleZone() { return "UTC"; }
            @Override public boolean weekdaysOnly() { return false; }
            @Override public String dataset() { return BundledDatasets.BTC_BITSTAMP; }
            @Override public String instrument() { return ""; }
            @Override public int maxBars() { return 0; }
            @Override public int horizonBars() { return 12; }
            @Override public double profitTake() { return 1.0; }
            @Override public double stopLoss() { return 1.0; }
            @Override public int volatilityBars() { return 20; }
            @Override public String[] models() { return new String[] {"xgboost"}; }
            @Override public double holdout() { return 0.3; }
            @Override public int embargoBars() { return 2; }
            @Override public String promotionMetric() { return metric; }
            @Override public double tolerance() { return tolerance; }
            @Override public int pollSeconds() { return 0; }
            @Override public long seed() { return 1; }
        };
    }

    private static long at(String instant) {
        return Clock.toNanos(Instant.parse(instant));
    }

    @Test
    void twoCyclesRegisterTwoVersionsAndPromoteByTheRule(@TempDir Path dir) throws Exception {
        SimulatedClock clock = new SimulatedClock(at("2013-11-28T12:00:00Z"));
        RetrainingComponent job = new RetrainingComponent(clock, new BundledDatasets(),
                config(dir.toString(), "logLoss", 0.0, "00:00"));
        assertThat(job.nextRun()).isEqualTo(at("2013-11-29T00:00:00Z"));
        assertThat(job.runIfDue()).isEmpty();

        clock.advanceTo(at("2013-11-29T00:00:00Z"));
        RetrainingComponent.Outcome first = job.runIfDue().orElseThrow();
        assertThat(first.version().version()).isEqualTo(1);
        assertThat(first.promoted()).isTrue();
        // trained on bars up to the run, never later ones
        assertThat(first.version().data().lastTime()).isLessThan(at("2013-11-29T00:00:00Z"));
        assertThat(job.nextRun()).isEqualTo(at("2013-11-30T00:00:00Z"));
        assertThat(job.runIfDue()).isEmpty();

        clock.advanceTo(at("2013-11-30T00:00:00Z"));
        RetrainingComponent.Outcome second = job.runIfDue().orElseThrow();
        ModelVersion v1 = job.registry().version("btc-xgb", 1);
        ModelVersion v2 = second.version();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.data().samples()).isGreaterThan(v1.data().samples());
        assertThat(v2.data().lastTime()).isGreaterThan(v1.data().lastTime()).isLessThan(at("2013-11-30T00:00:00Z"));
        // the rule with tolerance 0 on log loss (lower is better), from the metrics the registry recorded
        double m1 = v1.metrics().get("logLoss");
        double m2 = v2.metrics().get("logLoss");
        assertThat(second.promotedMetric()).isEqualTo(m1);
        assertThat(second.promoted()).isEqualTo(m2 <= m1);
        assertThat(job.registry().promoted("btc-xgb").orElseThrow().version()).isEqualTo(m2 <= m1 ? 2 : 1);
        assertThat(job.status()).contains("btc-xgb v2").contains(m2 <= m1 ? "promoted" : "not promoted");
        System.out.printf("retraining: v1 log loss %.4f, v2 log loss %.4f, promoted v%d%n", m1, m2,
                job.registry().promoted("btc-xgb").orElseThrow().version());

        // the inference bundle serves the promoted version when asked for version 0
        Predictor p = ModelLoader.load(job.registry(), "btc-xgb", 0, DeviceChoice.CPU, 8, 0);
        assertThat(p.modelVersion()).isEqualTo(m2 <= m1 ? 2 : 1);
        assertThat(p.device()).isEqualTo("cpu (XGBoost native)");
        ((AutoCloseable) p).close();
    }

    @Test
    void aGenerousToleranceOnAccuracyPromotesTheSecondVersion(@TempDir Path dir) {
        SimulatedClock clock = new SimulatedClock(at("2013-11-29T00:00:00Z"));
        RetrainingComponent job = new RetrainingComponent(clock, new BundledDatasets(),
                config(dir.toString(), "accuracy", 1.0, "06:00"));
        assertThat(job.runIfDue()).isEmpty();
        clock.advanceTo(at("2013-11-29T06:00:00Z"));
        assertThat(job.runIfDue()).map(RetrainingComponent.Outcome::promoted).contains(true);
        clock.advanceTo(at("2013-11-30T06:00:00Z"));
        // accuracy lies in [0, 1], so a tolerance of 1 can never refuse
        assertThat(job.runIfDue()).map(RetrainingComponent.Outcome::promoted).contains(true);
        assertThat(job.registry().promoted("btc-xgb")).map(ModelVersion::version).isEqualTo(Optional.of(2));
    }

    @Test
    void badConfigurationNamesTheField(@TempDir Path dir) {
        SimulatedClock clock = new SimulatedClock(0);
        assertThatThrownBy(() -> new RetrainingComponent(clock, new BundledDatasets(),
                config(dir.toString(), "sharpe", 0, "00:00"))).hasMessageStartingWith("promotionMetric:");
        assertThatThrownBy(() -> new RetrainingComponent(clock, new BundledDatasets(),
                config(dir.toString(), "logLoss", 0, "25:00"))).hasMessageStartingWith("scheduleTime:");
        assertThatThrownBy(() -> new RetrainingComponent(clock, new BundledDatasets(),
                config(dir.toString(), "logLoss", -1, "00:00"))).hasMessageStartingWith("tolerance:");
    }

    @Test
    void theScheduleIsReadWhileATrainingRunIsUnderWay(@TempDir Path dir) throws Exception {
        CountDownLatch trainingStarted = new CountDownLatch(1);
        CountDownLatch releaseTraining = new CountDownLatch(1);
        BundledDatasets bundled = new BundledDatasets();
        DatasetProvider blocking = new DatasetProvider() {
            @Override
            public List<DatasetInfo> datasets() {
                return bundled.datasets();
            }

            @Override
            public List<BarSeries> load(String datasetId) {
                trainingStarted.countDown();
                try {
                    releaseTraining.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return bundled.load(datasetId);
            }
        };
        SimulatedClock clock = new SimulatedClock(at("2013-11-29T00:00:00Z"));
        RetrainingComponent job = new RetrainingComponent(clock, blocking, config(dir.toString(), "accuracy", 0.0, "06:00"));
        clock.advanceTo(at("2013-11-29T06:00:00Z"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<RetrainingComponent.Outcome>> run = threads.submit(job::runIfDue);
            assertThat(trainingStarted.await(30, TimeUnit.SECONDS)).isTrue();
            // the run holds the job until the latch opens: the status read must not wait for it
            Future<Long> read = threads.submit(job::nextRun);
            long during;
            try {
                during = read.get(10, TimeUnit.SECONDS);
            } finally {
                releaseTraining.countDown();
            }
            assertThat(during).isEqualTo(at("2013-11-29T06:00:00Z"));
            assertThat(run.get(60, TimeUnit.SECONDS)).isPresent();
            assertThat(job.nextRun()).isEqualTo(at("2013-11-30T06:00:00Z"));
        } finally {
            releaseTraining.countDown();
            threads.shutdownNow();
        }
    }
}
