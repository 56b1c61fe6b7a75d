package io.amcp.ai.models.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.amcp.ai.models.ClassificationMetrics;
import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.LogisticRegressionTrainer;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small DJL networks on CPU; skipped with a message when the PyTorch native library cannot load. */
class NeuralNetTest {

    @BeforeAll
    static void engineLoads() {
        String problem = null;
        try {
            Engine.getInstance();
        } catch (Throwable e) {
            problem = e.toString();
        }
        Assumptions.assumeTrue(problem == null, "DJL PyTorch native library cannot be loaded here: " + problem);
    }

    private static TrainingSet xor(int n, long seed, int noise) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][2 + noise];
        int[] y = new int[n];
        int[] t = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < x[i].length; f++) {
                x[i][f] = r.nextDouble(-1, 1);
            }
            y[i] = x[i][0] * x[i][1] > 0 ? 1 : 0;
            t[i] = i;
            time[i] = i;
        }
        List<String> names = new ArrayList<>();
        for (int f = 0; f < x[0].length; f++) {
            names.add("f" + f);
        }
        return TrainingSet.of(x, y, t, t, time, names, 2);
    }

    private static double accuracy(Classifier m, TrainingSet test) {
        double[][] p = new double[test.size()][];
        m.probabilities(test.rows(), p);
        return ClassificationMetrics.of(test.classesOfSamples(), p, test.classes()).accuracy();
    }

    /** XOR is not linearly separable: logistic regression stays near chance, a one-hidden-layer MLP does not. */
    @Test
    void mlpLearnsXorThatALinearModelCannot() {
        TrainingSet train = xor(1000, 1, 2);
        TrainingSet test = xor(400, 2, 2);
        long[] epochs = {0};
        try (NeuralNetClassifier mlp = new NeuralNetTrainer(NeuralNetClassifier.MLP, new int[] {16}, 1, 40, 32, 0.01, 7,
                Device.cpu()).fit(train, (phase, done, total) -> epochs[0] = done)) {
            assertThat(epochs[0]).isEqualTo(40);
            assertThat(accuracy(mlp, test)).isGreaterThan(0.9);
            assertThat(accuracy(LogisticRegressionTrainer.defaults().fit(train, TrainingListener.NONE), test)).isLessThan(0.65);
        }
    }

    /** The network's output equals softmax(W2 relu(W1 z + b1) + b2) computed here from its parameters. */
    @Test
    void djlForwardPassEqualsTheMatrixFormulaAndSurvivesTheCodec() {
        TrainingSet train = xor(200, 3, 0);
        try (NeuralNetClassifier mlp = new NeuralNetTrainer(NeuralNetClassifier.MLP, new int[] {5}, 1, 2, 16, 0.01, 1,
                Device.cpu()).fit(train, TrainingListener.NONE)) {
            List<float[]> p = new ArrayList<>();
            List<long[]> shapes = new ArrayList<>();
            for (Pair<String, Parameter> param : mlp.block().getParameters()) {
                NDArray a = param.getValue().getArray();
                p.add(a.toFloatArray());
                shapes.add(a.getShape().getShape());
            }
            assertThat(shapes.get(0)).containsExactly(5, 2);
            double[] x = {0.3, -0.7};
            double[] z = new double[2];
            mlp.standardizer().apply(x, z);
            double[] h = new double[5];
            for (int j = 0; j < 5; j++) {
                double s = p.get(1)[j];
                for (int f = 0; f < 2; f++) {
                    s += p.get(0)[j * 2 + f] * z[f];
                }
                h[j] = Math.max(0, s);
            }
            double[] o = new double[2];
            for (int c = 0; c < 2; c++) {
                o[c] = p.get(3)[c];
                for (int j = 0; j < 5; j++) {
                    o[c] += p.get(2)[c * 5 + j] * h[j];
                }
            }
            double p1 = 1 / (1 + Math.exp(o[0] - o[1]));
            assertThat(mlp.probabilities(x)[1]).isCloseTo(p1, within(1e-6));
            try (NeuralNetClassifier back = NeuralNetCodec.read(NeuralNetCodec.write(mlp), Device.cpu())) {
                assertThat(back.probabilities(x)[1]).isCloseTo(p1, within(1e-6));
                assertThat(back.shape()).isEqualTo(mlp.shape());
            }
        }
    }

    /**
     * Class = whether the first feature of the oldest and the newest of 4 steps sum above 0. A model that
     * sees only the newest step is right when the signs agree or the newest is larger in size: 3/4 of
     * the time for uniform features; above that the LSTM must remember the oldest step.
     */
    @Test
    void lstmRemembersTheOldestStep() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 600;
        double[][] x = new double[n][2];
        for (double[] row : x) {
            row[0] = r.nextDouble(-1, 1);
            row[1] = r.nextDouble(-1, 1);
        }
        int[] y = new int[n];
        int[] t = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i >= 3 && x[i - 3][0] + x[i][0] > 0 ? 1 : 0;
            t[i] = i;
            time[i] = i;
        }
        TrainingSet windows = SequenceWindows.of(TrainingSet.of(x, y, t, t, time, List.of("a", "b"), 2), 4);
        assertThat(windows.features()).isEqualTo(8);
        assertThat(windows.featureNames().get(0)).isEqualTo("a_lag3");
        assertThat(windows.x(0)[0]).isEqualTo(x[0][0]);
        assertThat(windows.x(0)[6]).isEqualTo(x[3][0]);
        TrainingSet train = windows.subset(range(0, 450));
        TrainingSet test = windows.subset(range(450, windows.size()));
        try (NeuralNetClassifier lstm = new NeuralNetTrainer(NeuralNetClassifier.LSTM, new int[] {16}, 4, 80, 32, 0.02, 5,
                Device.cpu()).fit(train, TrainingListener.NONE)) {
            assertThat(lstm.sequenceLength()).isEqualTo(4);
            assertThat(lstm.stepFeatures()).isEqualTo(2);
            assertThat(accuracy(lstm, test)).isGreaterThan(0.85);
        }
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
