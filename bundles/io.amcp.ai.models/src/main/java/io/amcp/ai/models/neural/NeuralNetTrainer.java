package io.amcp.ai.models.neural;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.ModelTrainer;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.models.internal.Models;
import io.amcp.ai.models.internal.Standardizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains an MLP (ReLU hidden layers) or an LSTM (one layer, the last step's state into a linear
 * layer) with DJL: softmax cross-entropy, Adam, shuffled mini-batches, on standardised features.
 * For an LSTM each row must hold {@code sequenceLength} steps, oldest first (see {@link
 * SequenceWindows}). The engine's random seed is set from {@code seed} before initialisation.
 *
 * @param kind           {@link NeuralNetClassifier#MLP} or {@link NeuralNetClassifier#LSTM}
 * @param hidden         hidden layer sizes (an LSTM: one, its state size)
 * @param sequenceLength time steps per row: 1 for an MLP
 * @param epochs         passes over the data, at least 1
 * @param batchSize      rows per step, at least 1
 * @param learningRate   Adam step size, positive
 * @param seed           seed of initialisation and shuffling
 * @param device         where to train: {@link #preferredDevice()} picks a GPU when there is one
 */
public record NeuralNetTrainer(String kind, int[] hidden, int sequenceLength, int epochs, int batchSize,
        double learningRate, int seed, Device device) implements ModelTrainer {

    public NeuralNetTrainer {
        Objects.requireNonNull(kind, "kind");
        if (!kind.equals(NeuralNetClassifier.MLP) && !kind.equals(NeuralNetClassifier.LSTM)) {
            throw new IllegalArgumentException("kind: expected mlp or lstm, got '" + kind + "'");
        }
        hidden = hidden.clone();
        if (kind.equals(NeuralNetClassifier.LSTM) && hidden.length != 1) {
            throw new IllegalArgumentException("hidden: an LSTM takes one state size, got " + Arrays.toString(hidden));
        }
        if (kind.equals(NeuralNetClassifier.MLP) && sequenceLength != 1) {
            throw new IllegalArgumentException("sequenceLength: an MLP reads one step, got " + sequenceLength);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate: must be positive, got " + learningRate);
        }
        Objects.requireNonNull(device, "device");
    }

    /** An MLP with the given hidden layers, on the preferred device. */
    public static NeuralNetTrainer mlp(int[] hidden, int epochs, int batchSize, double learningRate, int seed) {
        return new NeuralNetTrainer(NeuralNetClassifier.MLP, hidden, 1, epochs, batchSize, learningRate, seed,
                preferredDevice());
    }

    /** An LSTM with {@code stateSize} units over {@code sequenceLength} steps, on the preferred device. */
    public static NeuralNetTrainer lstm(int stateSize, int sequenceLength, int epochs, int batchSize,
            double learningRate, int seed) {
        return new NeuralNetTrainer(NeuralNetClassifier.LSTM, new int[] {stateSize}, sequenceLength, epochs, batchSize,
                learningRate, seed, preferredDevice());
    }

    /** The first CUDA GPU when the engine sees one, else the CPU. */
    public static Device preferredDevice() {
        return DjlContext.call(() -> Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu());
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeuralNetTrainer t && kind.equals(t.kind) && Arrays.equals(hidden, t.hidden)
                && sequenceLength == t.sequenceLength && epochs == t.epochs && batchSize == t.batchSize
                && Double.compare(learningRate, t.learningRate) == 0 && seed == t.seed && device.equals(t.device);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Arrays.hashCode(hidden), sequenceLength, epochs, batchSize, learningRate, seed, device);
    }

    @Override
    public String toString() {
        return "NeuralNetTrainer[" + kind + ", " + parameters() + "]";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hidden", Arrays.toString(hidden));
        p.put("sequenceLength", Integer.toString(sequenceLength));
        p.put("epochs", Integer.toString(epochs));
        p.put("batchSize", Integer.toString(batchSize));
        p.put("learningRate", Double.toString(learningRate));
        p.put("seed", Integer.toString(seed));
        p.put("device", device.toString());
        return p;
    }

    @Override
    public NeuralNetClassifier fit(TrainingSet data, TrainingListener listener) {
        int n = Models.samples(data);
        NetworkShape shape = new NetworkShape(data.features(), hidden, data.classes(), sequenceLength);
        Standardizer standardizer = Standardizer.fit(data.rows());
        int d = data.features();
        float[] x = new float[n * d];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            standardizer.apply(data.x(i), x, i * d);
            y[i] = data.y(i);
        }
        byte[] bytes = DjlContext.call(() -> train(shape, standardizer, x, y, n, listener));
        return NeuralNetCodec.read(bytes, device);
    }

    /** Trains and returns the model bytes, so that the training model's native memory is freed here. */
    private byte[] train(NetworkShape shape, Standardizer standardizer, float[] x, float[] y, int n,
            TrainingListener listener) {
        Engine.getInstance().setRandomSeed(seed);
        try (Model model = Model.newInstance(kind, device)) {
            model.setBlock(Networks.block(kind, shape));
            fitBlock(model, shape, x, y, n, listener);
            return NeuralNetCodec.write(kind, shape, standardizer, model.getBlock());
        }
    }

    private void fitBlock(Model model, NetworkShape shape, float[] x, float[] y, int n, TrainingListener listener) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build())
                .optDevices(new Device[] {device});
        int d = shape.inputs();
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(Networks.inputShape(shape, 1));
            NDManager manager = trainer.getManager();
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int from = 0; from < n; from += batchSize) {
                    int size = Math.min(batchSize, n - from);
                    float[] bx = new float[size * d];
                    float[] by = new float[size];
                    for (int k = 0; k < size; k++) {
                        int i = order[from + k];
                        System.arraycopy(x, i * d, bx, k * d, d);
                        by[k] = y[i];
                    }
                    try (NDManager step = manager.newSubManager();
                         GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray input = step.create(bx, Networks.inputShape(shape, size));
                        NDArray labels = step.create(by);
                        NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                        NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                        collector.backward(loss);
                    }
                    trainer.step();
                }
                listener.progress(kind, epoch + 1, epochs);
            }
        }
    }
}
