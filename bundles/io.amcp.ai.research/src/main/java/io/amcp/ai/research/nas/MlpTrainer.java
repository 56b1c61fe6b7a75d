package io.amcp.ai.research.nas;

import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.ModelTrainer;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.research.internal.Mlp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a pure-Java MLP classifier: features standardised on the training rows (a missing value
 * becomes the mean), softmax cross-entropy, Adam on shuffled mini-batches of 32. Used when DJL is
 * not needed or not available; deterministic for a given seed.
 *
 * @param architecture the network
 * @param epochs       passes over the training data, at least 1
 * @param seed         initial weights and shuffling
 */
public record MlpTrainer(Architecture architecture, int epochs, long seed) implements ModelTrainer {

    /** Kind of the classifiers this trainer makes. */
    public static final String KIND = "research-mlp";
    private static final int BATCH = 32;

    public MlpTrainer {
        java.util.Objects.requireNonNull(architecture, "architecture");
        if (architecture.isRecurrent()) {
            throw new IllegalArgumentException("architecture: " + architecture + " has an LSTM; use SequenceTrainer");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: must be at least 1, was " + epochs);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("architecture", architecture.toString());
        p.put("epochs", Integer.toString(epochs));
        p.put("seed", Long.toString(seed));
        return p;
    }

    @Override
    public Classifier fit(TrainingSet data, TrainingListener listener) {
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("data: no samples");
        }
        int d = data.features();
        double[] mean = new double[d];
        double[] sd = new double[d];
        moments(data.rows(), mean, sd);
        int[] hidden = architecture.hidden();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = d;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = data.classes();
        Mlp net = new Mlp(sizes, architecture.activation(), seed);
        MlpClassifier model = new MlpClassifier(net, mean, sd, data.classes());
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = model.standardise(data.x(i));
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += BATCH) {
                int end = Math.min(n, start + BATCH);
                for (int k = start; k < end; k++) {
                    int i = order[k];
                    double[] p = Mlp.softmax(net.forward(z[i]));
                    p[data.y(i)] -= 1;
                    net.backward(p);
                }
                net.adamStep(architecture.learningRate(), end - start);
            }
            listener.progress(KIND, epoch + 1, epochs);
        }
        return model;
    }

    /**
     * Per-column mean and sample deviation of the finite values of {@code rows} into {@code mean} and
     * {@code sd}; a column without values has mean 0, and a deviation that is not positive becomes 1.
     */
    static void moments(double[][] rows, double[] mean, double[] sd) {
        int d = mean.length;
        int[] count = new int[d];
        for (double[] x : rows) {
            for (int f = 0; f < d; f++) {
                if (Double.isFinite(x[f])) {
                    mean[f] += x[f];
                    count[f]++;
                }
            }
        }
        for (int f = 0; f < d; f++) {
            mean[f] = count[f] == 0 ? 0 : mean[f] / count[f];
        }
        for (double[] x : rows) {
            for (int f = 0; f < d; f++) {
                if (Double.isFinite(x[f])) {
                    sd[f] += (x[f] - mean[f]) * (x[f] - mean[f]);
                }
            }
        }
        for (int f = 0; f < d; f++) {
            sd[f] = count[f] < 2 ? 1 : Math.sqrt(sd[f] / (count[f] - 1));
            if (!(sd[f] > 1e-12)) {
                sd[f] = 1;
            }
        }
    }

    /** The trained network with its standardisation. */
    static final class MlpClassifier implements Classifier {
        private final Mlp net;
        private final double[] mean;
        private final double[] sd;
        private final int classes;

        MlpClassifier(Mlp net, double[] mean, double[] sd, int classes) {
            this.net = net;
            this.mean = mean;
            this.sd = sd;
            this.classes = classes;
        }

        double[] standardise(double[] x) {
            double[] z = new double[x.length];
            for (int f = 0; f < x.length; f++) {
                z[f] = Double.isFinite(x[f]) ? (x[f] - mean[f]) / sd[f] : 0;
            }
            return z;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public int features() {
            return mean.length;
        }

        @Override
        public int classes() {
            return classes;
        }

        @Override
        public synchronized double[] probabilities(double[] x) {
            if (x.length != mean.length) {
                throw new IllegalArgumentException("x: " + x.length + " features, the model takes " + mean.length);
            }
            return Mlp.softmax(net.forward(standardise(x)));
        }
    }
}
