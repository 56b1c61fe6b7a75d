package io.amcp.ai.models.neural;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.internal.Models;
import io.amcp.ai.models.internal.Standardizer;
import java.util.Objects;

/**
 * A DJL network (MLP or LSTM) as a {@link Classifier}. Rows are standardised with the training
 * statistics, then run through the block on its {@link #device()}; the softmax of the outputs gives
 * the probabilities. An LSTM reads a row as {@link #sequenceLength()} time steps of
 * {@link #stepFeatures()} features each, oldest first. Predictions are serialised on this object;
 * close it to free native memory.
 */
public final class NeuralNetClassifier implements Classifier, AutoCloseable {

    /** Kind of a multi-layer perceptron. */
    public static final String MLP = "mlp";
    /** Kind of an LSTM sequence classifier. */
    public static final String LSTM = "lstm";

    private final String kind;
    private final NetworkShape shape;
    private final Standardizer standardizer;
    private final Block block;
    private final NDManager manager;
    private final Device device;

    NeuralNetClassifier(String kind, NetworkShape shape, Standardizer standardizer, Block block, NDManager manager) {
        this.kind = kind;
        this.shape = shape;
        this.standardizer = standardizer;
        this.block = block;
        this.manager = manager;
        this.device = manager.getDevice();
    }

    @Override
    public String kind() {
        return kind;
    }

    /** Architecture: input, hidden sizes, classes, sequence length. */
    public NetworkShape shape() {
        return shape;
    }

    Standardizer standardizer() {
        return standardizer;
    }

    Block block() {
        return block;
    }

    /** Where the network runs (CPU or a CUDA GPU). */
    public Device device() {
        return device;
    }

    @Override
    public int features() {
        return shape.inputs();
    }

    @Override
    public int classes() {
        return shape.classes();
    }

    /** Time steps per row: 1 for an MLP. */
    public int sequenceLength() {
        return shape.sequenceLength();
    }

    /** Features per time step. */
    public int stepFeatures() {
        return shape.inputs() / shape.sequenceLength();
    }

    @Override
    public double[] probabilities(double[] x) {
        double[][] out = new double[1][];
        probabilities(new double[][] {x}, out);
        return out[0];
    }

    @Override
    public void probabilities(double[][] rows, double[][] out) {
        Objects.requireNonNull(rows, "rows");
        int n = rows.length;
        if (n == 0) {
            return;
        }
        int d = features();
        float[] input = new float[n * d];
        for (int i = 0; i < n; i++) {
            Models.checkRow(rows[i], d);
            standardizer.apply(rows[i], input, i * d);
        }
        float[] p = DjlContext.call(() -> forward(input, n));
        int k = classes();
        for (int i = 0; i < n; i++) {
            double[] row = new double[k];
            for (int c = 0; c < k; c++) {
                row[c] = p[i * k + c];
            }
            out[i] = row;
        }
    }

    private synchronized float[] forward(float[] input, int n) {
        try (NDManager batch = manager.newSubManager()) {
            Shape inputShape = shape.sequenceLength() == 1 ? new Shape(n, features())
                    : new Shape(n, shape.sequenceLength(), stepFeatures());
            NDArray x = batch.create(input, inputShape);
            NDArray logits = block.forward(new ParameterStore(batch, false), new NDList(x), false).singletonOrThrow();
            return logits.softmax(-1).toFloatArray();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
