package io.amcp.ai.models.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.features.TripleBarrier;
import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.GradientBoostingTrainer;
import io.amcp.ai.models.ModelCodec;
import io.amcp.ai.models.TrainingPipeline;
import io.amcp.ai.models.TrainingReport;
import io.amcp.ai.models.TrainingSet;
import io.amcp.api.model.BarSeries;
import io.amcp.datasource.file.BundledDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on real BTC/USD 5-minute bars (Bitstamp trades, 2013-11-25 to 12-01), then the registry. */
class PipelineAndRegistryTest {

    private static final BarSeries BTC = new BundledDatasets().load(BundledDatasets.BTC_BITSTAMP).get(0);
    private static final TripleBarrier BARRIER = TripleBarrier.of(1.0, 1.0, 12, 20);
    private static final TrainingPipeline PIPELINE = new TrainingPipeline(
            new GradientBoostingTrainer(40, 0.1, 3, 10, 0.8, 0.5, 32, 1), BARRIER, 0.3, 2, 3);

    @Test
    void heldOutPartIsPurgedAndItsBuyAndHoldIsTheCloseRatio(@TempDir Path dir) throws Exception {
        List<String> progress = new ArrayList<>();
        TrainingReport report = PIPELINE.run(BTC, (phase, done, total) -> progress.add(phase + " " + done + "/" + total));
        TrainingSet data = report.data();
        int firstTestBar = data.labelStart(report.test()[0]);
        for (int i : report.train()) {
            // purged with a 2-bar embargo: every training label is decided before the held-out part
            assertThat(data.labelEnd(i) + 2).isLessThan(firstTestBar);
        }
        assertThat(report.train().length + report.test().length).isLessThanOrEqualTo(data.size());
        assertThat(progress).contains("learning curve 1/3", "gradient-boosting 40/40");

        // buy and hold over the held-out bars: close after the last held-out bar over the first one's close
        double[] close = BTC.closesAsDouble();
        int lastTestBar = data.labelStart(report.test()[report.test().length - 1]);
        double[] hold = report.buyAndHoldEquity();
        assertThat(hold[hold.length - 1]).isCloseTo(close[lastTestBar + 1] / close[firstTestBar], within(1e-9));

        ModelRegistry registry = new ModelRegistry(dir);
        byte[] bytes = ModelCodec.write(report.model());
        DataRange range = DataRange.of(BundledDatasets.BTC_BITSTAMP, "BTC/USD", data.time(report.train()[0]),
                data.time(report.train()[report.train().length - 1]), report.train().length);
        ModelVersion v1 = registry.register("btc-gbt", report.kind(), bytes, report.parameters(), range, report.metrics(),
                report.featureNames(), "2026-01-01T00:00:00Z");
        ModelVersion v2 = registry.register("btc-gbt", report.kind(), bytes, report.parameters(), range, report.metrics(),
                report.featureNames(), "2026-01-02T00:00:00Z");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(registry.names()).containsExactly("btc-gbt");
        assertThat(registry.latest("btc-gbt")).contains(v2);
        assertThat(registry.version("btc-gbt", 1)).isEqualTo(v1);
        assertThat(v1.format()).isEqualTo(ModelCodec.NATIVE_MAGIC);
        assertThat(v1.features()).hasSize(134);

        assertThat(registry.promoted("btc-gbt")).isEmpty();
        registry.promote("btc-gbt", 1);
        assertThat(registry.promoted("btc-gbt")).contains(v1);
        assertThat(registry.names()).containsExactly("btc-gbt");
        assertThatThrownBy(() -> registry.promote("btc-gbt", 9)).hasMessageStartingWith("version:");

        Classifier loaded = ModelCodec.read(registry.bytes("btc-gbt", 1));
        for (int k = 0; k < 10; k++) {
            double[] x = data.x(report.test()[k]);
            assertThat(loaded.probabilities(x)).containsExactly(report.model().probabilities(x));
        }

        String html = ModelCard.html(v1, report);
        registry.writeCard("btc-gbt", 1, html);
        assertThat(html).contains("<svg", "Learning curve", "Confusion matrix", "Feature importance", "buy and hold")
                .containsAnyOf("The signal beat buy and hold", "The signal did not beat buy and hold");
        assertThat(Files.exists(registry.directory("btc-gbt", 1).resolve("card.html"))).isTrue();

        Files.write(registry.directory("btc-gbt", 2).resolve("model.bin"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> registry.bytes("btc-gbt", 2)).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> registry.register("Bad Name", "k", bytes, report.parameters(), range, report.metrics(),
                report.featureNames(), "t")).hasMessageStartingWith("name:");

        System.out.printf("BTC 5m GBT: %d train, %d held out, accuracy %.4f, log loss %.4f (prior %.4f), "
                + "signal %.4f vs buy-and-hold %.4f, fit %.2f s%n", report.train().length, report.test().length,
                report.outOfSample().accuracy(), report.outOfSample().logLoss(), report.metrics().get("priorLogLoss"),
                report.metrics().get("strategyReturn"), report.metrics().get("buyAndHoldReturn"), report.trainNanos() / 1e9);
    }
}
