package io.amcp.ai.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.GradientBoostingTrainer;
import io.amcp.ai.models.ModelCodec;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.models.neural.NeuralNetClassifier;
import io.amcp.ai.models.neural.NeuralNetCodec;
import io.amcp.ai.models.neural.NeuralNetTrainer;
import io.amcp.ai.models.registry.DataRange;
import io.amcp.ai.models.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {

    static TrainingSet data(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        int[] y = new int[n];
        int[] t = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                x[i][f] = r.nextGaussian();
            }
            double s = x[i][0] - x[i][1] + 0.5 * r.nextGaussian();
            y[i] = s < -0.5 ? 0 : s > 0.5 ? 2 : 1;
            t[i] = i;
            time[i] = i;
        }
        List<String> names = new ArrayList<>();
        for (int f = 0; f < d; f++) {
            names.add("f" + f);
        }
        return TrainingSet.of(x, y, t, t, time, names, 3);
    }

    /** Counts batch calls, so the test sees that queued rows were answered together. */
    private static final class CountingClassifier implements Classifier {
        final Classifier inner;
        final List<Integer> batches = new CopyOnWriteArrayList<>();

        CountingClassifier(Classifier inner) {
            this.inner = inner;
        }

        @Override public String kind() { return inner.kind(); }
        @Override public int features() { return inner.features(); }
        @Override public int classes() { return inner.classes(); }
        @Override public double[] probabilities(double[] x) { return inner.probabilities(x); }
        @Override public void probabilities(double[][] rows, double[][] out) {
            batches.add(rows.length);
            inner.probabilities(rows, out);
        }
    }

    @Test
    void queuedRowsAreAnsweredInBatchesWithTheSameProbabilities() throws Exception {
        TrainingSet data = data(400, 8, 1);
        CountingClassifier model = new CountingClassifier(
                new GradientBoostingTrainer(20, 0.1, 3, 5, 1.0, 1.0, 32, 1).fit(data, TrainingListener.NONE));
        Predictor p = ModelLoader.of("gbt", 1, model, 64, 1_000_000);
        List<CompletableFuture<Prediction>> answers = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            answers.add(p.submit(data.x(i)));
        }
        for (int i = 0; i < 256; i++) {
            Prediction a = answers.get(i).join();
            assertThat(a.probabilities()).containsExactly(model.inner.probabilities(data.x(i)));
            assertThat(a.confidence()).isEqualTo(a.probability(a.predictedClass()));
        }
        assertThat(model.batches).allMatch(size -> size <= 64);
        assertThat(model.batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(256);
        assertThat(model.batches.size()).isLessThan(256);
        assertThat(p.predict(data.x(0))).isEqualTo(answers.get(0).join());
        assertThat(p.device()).startsWith("cpu");
        assertThatThrownBy(() -> p.predict(new double[3])).hasMessageStartingWith("features:");
        ((AutoCloseable) p).close();
    }

    @Test
    void loadsTreeAndNetworkVersionsFromTheRegistry(@TempDir Path dir) throws Exception {
        TrainingSet data = data(300, 6, 2);
        ModelRegistry registry = new ModelRegistry(dir);
        DataRange range = DataRange.of("synthetic", "X", 0, 299, 300);
        Classifier gbt = new GradientBoostingTrainer(10, 0.1, 2, 5, 1.0, 1.0, 32, 1).fit(data, TrainingListener.NONE);
        registry.register("demo", gbt.kind(), ModelCodec.write(gbt), Map.of(), range, Map.of(), data.featureNames(), "t");

        try (AutoCloseable loaded = (AutoCloseable) ModelLoader.load(registry, "demo", 0, DeviceChoice.AUTO, 16, 100)) {
            Predictor p = (Predictor) loaded;
            assertThat(p.modelVersion()).isEqualTo(1);
            assertThat(p.kind()).isEqualTo("gradient-boosting");
            assertThat(p.predict(data.x(5)).probabilities()).containsExactly(gbt.probabilities(data.x(5)));
        }
        assertThatThrownBy(() -> ModelLoader.load(registry, "absent", 0, DeviceChoice.CPU, 1, 0))
                .hasMessageStartingWith("name:");

        String problem = null;
        try {
            Engine.getInstance();
        } catch (Throwable e) {
            problem = e.toString();
        }
        Assumptions.assumeTrue(problem == null, "DJL PyTorch native library cannot be loaded here: " + problem);
        try (NeuralNetClassifier mlp = NeuralNetTrainer.mlp(new int[] {8}, 3, 32, 0.01, 1).fit(data, TrainingListener.NONE)) {
            registry.register("demo", mlp.kind(), NeuralNetCodec.write(mlp), Map.of(), range, Map.of(), data.featureNames(),
                    "t");
            try (AutoCloseable loaded = (AutoCloseable) ModelLoader.load(registry, "demo", 2, DeviceChoice.AUTO, 16, 100)) {
                Predictor p = (Predictor) loaded;
                // this machine has no GPU: AUTO falls back to the CPU
                assertThat(ModelLoader.gpuCount()).isZero();
                assertThat(p.device()).isEqualTo(Device.cpu().toString());
                assertThat(p.kind()).isEqualTo("mlp");
                Prediction[] batch = p.predict(new double[][] {data.x(0), data.x(1)});
                assertThat(batch[1].probability(2)).isCloseTo(mlp.probabilities(data.x(1))[2], within(1e-6));
                assertThat(p.submit(data.x(0)).join().probability(0)).isCloseTo(batch[0].probability(0), within(1e-6));
            }
            assertThatThrownBy(() -> ModelLoader.device(DeviceChoice.GPU)).hasMessageStartingWith("device:");
        }
    }
}
