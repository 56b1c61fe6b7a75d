package io.amcp.ai.research.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A pure-Java LSTM layer (S. Hochreiter, J. Schmidhuber, 1997, with the forget gate of F. Gers et al.,
 * 2000) over a sequence of input vectors, returning the last hidden state. Per step, with the gate
 * pre-activations {@code a = W x_t + U h_(t-1) + b} split into input, forget, candidate and output
 * parts: {@code i = sigmoid(a_i), f = sigmoid(a_f), g = tanh(a_g), o = sigmoid(a_o),
 * c_t = f c_(t-1) + i g, h_t = o tanh(c_t)}, from {@code h_0 = c_0 = 0}. {@link #backward} is
 * back-propagation through time of a gradient at the last hidden state; the optimiser is Adam. The
 * parameters are one flat vector (W row-major, then U, then b) so tests can perturb any of them.
 * Forget-gate biases start at 1. Not thread-safe.
 */
public final class Lstm {

    private final int inputs;
    private final int units;
    private final double[] theta;
    private final double[] grad;
    private final double[] m;
    private final double[] v;
    private final int uOffset;
    private final int bOffset;
    private double[][] xs;
    private double[][] gates;
    private double[][] cells;
    private double[][] hiddens;
    private long steps;

    /** A layer with Xavier-scaled initial weights from {@code seed}. */
    public Lstm(int inputs, int units, long seed) {
        if (inputs < 1 || units < 1) {
            throw new IllegalArgumentException("inputs/units: must be at least 1, were " + inputs + "/" + units);
        }
        this.inputs = inputs;
        this.units = units;
        uOffset = 4 * units * inputs;
        bOffset = uOffset + 4 * units * units;
        theta = new double[bOffset + 4 * units];
        grad = new double[theta.length];
        m = new double[theta.length];
        v = new double[theta.length];
        SplittableRandom random = new SplittableRandom(seed);
        double scale = Math.sqrt(1.0 / (inputs + units));
        for (int k = 0; k < bOffset; k++) {
            theta[k] = scale * Stats.gaussian(random);
        }
        for (int j = 0; j < units; j++) {
            theta[bOffset + units + j] = 1;
        }
    }

    public int inputs() {
        return inputs;
    }

    public int units() {
        return units;
    }

    /** Number of parameters, {@code 4 units (inputs + units + 1)}. */
    public int parameterCount() {
        return theta.length;
    }

    /** Parameter {@code k} of the flat vector, for tests. */
    public double parameter(int k) {
        return theta[k];
    }

    /** Sets parameter {@code k}, for tests. */
    public void setParameter(int k, double value) {
        theta[k] = value;
    }

    /** Accumulated gradient of parameter {@code k}, for tests. */
    public double gradient(int k) {
        return grad[k];
    }

    /** Runs the sequence (oldest first) and returns the last hidden state; keeps the states for {@link #backward}. */
    public double[] forward(double[][] sequence) {
        int steps = sequence.length;
        if (steps == 0) {
            throw new IllegalArgumentException("sequence: needs at least one step");
        }
        xs = sequence;
        gates = new double[steps][4 * units];
        cells = new double[steps + 1][units];
        hiddens = new double[steps + 1][units];
        for (int t = 0; t < steps; t++) {
            double[] x = sequence[t];
            if (x.length != inputs) {
                throw new IllegalArgumentException("sequence: step " + t + " has " + x.length + " values, expected " + inputs);
            }
            double[] h = hiddens[t];
            double[] a = gates[t];
            for (int r = 0; r < 4 * units; r++) {
                double s = theta[bOffset + r];
                int w = r * inputs;
                for (int i = 0; i < inputs; i++) {
                    s += theta[w + i] * x[i];
                }
                int u = uOffset + r * units;
                for (int j = 0; j < units; j++) {
                    s += theta[u + j] * h[j];
                }
                a[r] = r >= 2 * units && r < 3 * units ? Math.tanh(s) : sigmoid(s);
            }
            for (int j = 0; j < units; j++) {
                double c = a[units + j] * cells[t][j] + a[j] * a[2 * units + j];
                cells[t + 1][j] = c;
                hiddens[t + 1][j] = a[3 * units + j] * Math.tanh(c);
            }
        }
        return hiddens[steps].clone();
    }

    /**
     * Back-propagation through time of {@code dLast}, the loss gradient at the last hidden state of
     * the last {@link #forward}: adds the parameter gradients to the accumulators and returns the
     * gradient at every input step.
     */
    public double[][] backward(double[] dLast) {
        int steps = xs.length;
        double[] dh = dLast.clone();
        double[] dc = new double[units];
        double[] da = new double[4 * units];
        double[][] dx = new double[steps][inputs];
        for (int t = steps - 1; t >= 0; t--) {
            double[] a = gates[t];
            for (int j = 0; j < units; j++) {
                double i = a[j];
                double f = a[units + j];
                double g = a[2 * units + j];
                double o = a[3 * units + j];
                double tc = Math.tanh(cells[t + 1][j]);
                double dcj = dc[j] + dh[j] * o * (1 - tc * tc);
                da[j] = dcj * g * i * (1 - i);
                da[units + j] = dcj * cells[t][j] * f * (1 - f);
                da[2 * units + j] = dcj * i * (1 - g * g);
                da[3 * units + j] = dh[j] * tc * o * (1 - o);
                dc[j] = dcj * f;
            }
            double[] x = xs[t];
            double[] h = hiddens[t];
            double[] dhPrevious = new double[units];
            for (int r = 0; r < 4 * units; r++) {
                double d = da[r];
                grad[bOffset + r] += d;
                int w = r * inputs;
                for (int i = 0; i < inputs; i++) {
                    grad[w + i] += d * x[i];
                    dx[t][i] += d * theta[w + i];
                }
                int u = uOffset + r * units;
                for (int j = 0; j < units; j++) {
                    grad[u + j] += d * h[j];
                    dhPrevious[j] += d * theta[u + j];
                }
            }
            dh = dhPrevious;
        }
        return dx;
    }

    /** Clears the accumulated gradients. */
    public void zeroGradients() {
        Arrays.fill(grad, 0);
    }

    /** One Adam step on the mean of the accumulated gradients over {@code batch} samples, then clears them. */
    public void adamStep(double learningRate, int batch) {
        steps++;
        double c1 = 1 - Math.pow(0.9, steps);
        double c2 = 1 - Math.pow(0.999, steps);
        for (int k = 0; k < theta.length; k++) {
            double g = grad[k] / batch;
            m[k] = 0.9 * m[k] + 0.1 * g;
            v[k] = 0.999 * v[k] + 0.001 * g * g;
            theta[k] -= learningRate * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
        }
        zeroGradients();
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
