package io.amcp.ai.research.nas;

import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.ModelTrainer;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.research.internal.Lstm;
import io.amcp.ai.research.internal.Mlp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains an {@link Architecture} on samples whose features are a window of feature rows: each
 * sample's values are {@code window} consecutive rows of {@code rowWidth} features, oldest first
 * (see {@link ArchitectureStudy#windowedSamples}). An architecture without an LSTM is exactly the
 * {@link MlpTrainer} on the last (current) row; with one, the LSTM reads the last
 * {@link Architecture#steps()} rows and the MLP head its last hidden state, trained end to end by
 * back-propagation through time with softmax cross-entropy and Adam on shuffled mini-batches of 32.
 * Every row is standardised by the current row's training means and deviations (the rows are the
 * same features lagged); a missing value becomes 0 after standardising.
 *
 * @param architecture the network
 * @param rowWidth     features per row, at least 1
 * @param epochs       passes over the training data, at least 1
 * @param seed         initial weights and shuffling
 */
public record SequenceTrainer(Architecture architecture, int rowWidth, int epochs, long seed) implements ModelTrainer {

    /** Kind of the classifiers this trainer makes. */
    public static final String KIND = "research-sequence";
    private static final int BATCH = 32;

    public SequenceTrainer {
        Objects.requireNonNull(architecture, "architecture");
        if (rowWidth < 1) {
            throw new IllegalArgumentException("rowWidth: must be at least 1, was " + rowWidth);
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
        p.put("rowWidth", Integer.toString(rowWidth));
        p.put("epochs", Integer.toString(epochs));
        p.put("seed", Long.toString(seed));
        return p;
    }

    @Override
    public Classifier fit(TrainingSet data, TrainingListener listener) {
        int features = data.features();
        if (features % rowWidth != 0) {
            throw new IllegalArgumentException("rowWidth: " + rowWidth + " does not divide the " + features + " features");
        }
        int window = features / rowWidth;
        if (architecture.steps() > window) {
            throw new IllegalArgumentException("architecture: reads " + architecture.steps() + " rows, samples hold " + window);
        }
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("data: no samples");
        }
        double[][] last = new double[n][];
        for (int i = 0; i < n; i++) {
            last[i] = Arrays.copyOfRange(data.x(i), features - rowWidth, features);
        }
        if (!architecture.isRecurrent()) {
            int[] start = new int[n];
            int[] end = new int[n];
            long[] time = new long[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                start[i] = data.labelStart(i);
                end[i] = data.labelEnd(i);
                time[i] = data.time(i);
                y[i] = data.y(i);
            }
            TrainingSet current = TrainingSet.of(last, y, start, end, time,
                    data.featureNames().subList(features - rowWidth, features), data.classes());
            return new LastRow(new MlpTrainer(architecture, epochs, seed).fit(current, listener), features, rowWidth);
        }
        double[] mean = new double[rowWidth];
        double[] sd = new double[rowWidth];
        MlpTrainer.moments(last, mean, sd);
        int[] hidden = architecture.hidden();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = architecture.recurrent();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = data.classes();
        Recurrent model = new Recurrent(new Lstm(rowWidth, architecture.recurrent(), seed),
                new Mlp(sizes, architecture.activation(), seed + 1), mean, sd, features, architecture.steps(), data.classes());
        double[][][] sequences = new double[n][][];
        for (int i = 0; i < n; i++) {
            sequences[i] = model.sequence(data.x(i));
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
                    double[] p = Mlp.softmax(model.head.forward(model.lstm.forward(sequences[i])));
                    p[data.y(i)] -= 1;
                    model.lstm.backward(model.head.backward(p));
                }
                model.lstm.adamStep(architecture.learningRate(), end - start);
                model.head.adamStep(architecture.learningRate(), end - start);
            }
            listener.progress(KIND, epoch + 1, epochs);
        }
        return model;
    }

    /** An MLP classifier of the current row, given windows. */
    private record LastRow(Classifier mlp, int features, int rowWidth) implements Classifier {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public int features() {
            return features;
        }

        @Override
        public int classes() {
            return mlp.classes();
        }

        @Override
        public double[] probabilities(double[] x) {
            if (x.length != features) {
                throw new IllegalArgumentException("x: " + x.length + " features, the model takes " + features);
            }
            return mlp.probabilities(Arrays.copyOfRange(x, features - rowWidth, features));
        }
    }

    /** The trained LSTM and head with their standardisation. */
    private static final class Recurrent implements Classifier {
        private final Lstm lstm;
        private final Mlp head;
        private final double[] mean;
        private final double[] sd;
        private final int features;
        private final int steps;
        private final int classes;

        Recurrent(Lstm lstm, Mlp head, double[] mean, double[] sd, int features, int steps, int classes) {
            this.lstm = lstm;
            this.head = head;
            this.mean = mean;
            this.sd = sd;
            this.features = features;
            this.steps = steps;
            this.classes = classes;
        }

        /** The last {@code steps} rows of a window, standardised, oldest first. */
        double[][] sequence(double[] x) {
            int width = mean.length;
            double[][] out = new double[steps][width];
            for (int s = 0; s < steps; s++) {
                int from = features - (steps - s) * width;
                for (int f = 0; f < width; f++) {
                    double value = x[from + f];
                    out[s][f] = Double.isFinite(value) ? (value - mean[f]) / sd[f] : 0;
                }
            }
            return out;
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public int features() {
            return features;
        }

        @Override
        public int classes() {
            return classes;
        }

        @Override
        public synchronized double[] probabilities(double[] x) {
            if (x.length != features) {
                throw new IllegalArgumentException("x: " + x.length + " features, the model takes " + features);
            }
            return Mlp.softmax(head.forward(lstm.forward(sequence(x))));
        }
    }
}
