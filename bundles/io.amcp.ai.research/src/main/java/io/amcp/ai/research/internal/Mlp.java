package io.amcp.ai.research.internal;

import io.amcp.ai.research.nas.Activation;
import java.util.SplittableRandom;

/**
 * A small pure-Java multilayer perceptron: dense layers, one activation for every hidden layer, a
 * linear output layer, back-propagation of any output gradient (also down to the input, which a GAN
 * generator needs) and the Adam optimiser (D. P. Kingma, J. Ba, 2015). Not thread-safe.
 */
public final class Mlp {

    private final int[] sizes;
    private final Activation activation;
    private final double[][][] w;
    private final double[][] b;
    private final double[][][] gw;
    private final double[][] gb;
    private final double[][][] mw;
    private final double[][][] vw;
    private final double[][] mb;
    private final double[][] vb;
    private final double[][] z;
    private final double[][] a;
    private long steps;

    /**
     * A network with He (ReLU) or Xavier (tanh) initial weights from {@code seed}.
     *
     * @param sizes      layer sizes, input first, output last, at least two
     * @param activation hidden activation
     */
    public Mlp(int[] sizes, Activation activation, long seed) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("sizes: need an input and an output size");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("sizes: every layer needs at least one unit");
            }
        }
        this.sizes = sizes.clone();
        this.activation = activation;
        int layers = sizes.length - 1;
        w = new double[layers][][];
        b = new double[layers][];
        gw = new double[layers][][];
        gb = new double[layers][];
        mw = new double[layers][][];
        vw = new double[layers][][];
        mb = new double[layers][];
        vb = new double[layers][];
        z = new double[layers][];
        a = new double[layers + 1][];
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double scale = activation == Activation.TANH ? Math.sqrt(1.0 / in) : Math.sqrt(2.0 / in);
            w[l] = new double[out][in];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    w[l][o][i] = scale * Stats.gaussian(random);
                }
            }
            b[l] = new double[out];
            gw[l] = new double[out][in];
            gb[l] = new double[out];
            mw[l] = new double[out][in];
            vw[l] = new double[out][in];
            mb[l] = new double[out];
            vb[l] = new double[out];
            z[l] = new double[out];
        }
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    /** Weight {@code [layer][out][in]}, for tests. */
    public double weight(int layer, int out, int in) {
        return w[layer][out][in];
    }

    /** Sets one weight, for tests. */
    public void setWeight(int layer, int out, int in, double value) {
        w[layer][out][in] = value;
    }

    /** Accumulated gradient of one weight, for tests. */
    public double gradient(int layer, int out, int in) {
        return gw[layer][out][in];
    }

    /** Forward pass; keeps the activations for {@link #backward}. Returns a new output array. */
    public double[] forward(double[] x) {
        a[0] = x;
        int layers = w.length;
        for (int l = 0; l < layers; l++) {
            double[] in = a[l];
            double[] out = new double[sizes[l + 1]];
            boolean hidden = l < layers - 1;
            for (int o = 0; o < out.length; o++) {
                double s = b[l][o];
                double[] row = w[l][o];
                for (int i = 0; i < in.length; i++) {
                    s += row[i] * in[i];
                }
                z[l][o] = s;
                out[o] = hidden ? activation.apply(s) : s;
            }
            a[l + 1] = out;
        }
        return a[layers].clone();
    }

    /**
     * Back-propagates {@code dOutput} (the loss gradient at the output of the last {@link #forward}),
     * adds the weight gradients to the accumulators and returns the gradient at the input.
     */
    public double[] backward(double[] dOutput) {
        int layers = w.length;
        double[] delta = dOutput.clone();
        for (int l = layers - 1; l >= 0; l--) {
            if (l < layers - 1) {
                for (int o = 0; o < delta.length; o++) {
                    delta[o] *= activation.derivative(z[l][o], a[l + 1][o]);
                }
            }
            double[] in = a[l];
            double[] previous = new double[in.length];
            for (int o = 0; o < delta.length; o++) {
                double d = delta[o];
                if (d == 0) {
                    continue;
                }
                gb[l][o] += d;
                double[] row = w[l][o];
                double[] grow = gw[l][o];
                for (int i = 0; i < in.length; i++) {
                    grow[i] += d * in[i];
                    previous[i] += d * row[i];
                }
            }
            delta = previous;
        }
        return delta;
    }

    /** Clears the accumulated gradients. */
    public void zeroGradients() {
        for (int l = 0; l < w.length; l++) {
            for (double[] row : gw[l]) {
                java.util.Arrays.fill(row, 0);
            }
            java.util.Arrays.fill(gb[l], 0);
        }
    }

    /** One Adam step on the mean of the accumulated gradients over {@code batch} samples, then clears them. */
    public void adamStep(double learningRate, int batch) {
        steps++;
        double beta1 = 0.9;
        double beta2 = 0.999;
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        for (int l = 0; l < w.length; l++) {
            for (int o = 0; o < w[l].length; o++) {
                for (int i = 0; i < w[l][o].length; i++) {
                    double g = gw[l][o][i] / batch;
                    mw[l][o][i] = beta1 * mw[l][o][i] + (1 - beta1) * g;
                    vw[l][o][i] = beta2 * vw[l][o][i] + (1 - beta2) * g * g;
                    w[l][o][i] -= learningRate * (mw[l][o][i] / c1) / (Math.sqrt(vw[l][o][i] / c2) + 1e-8);
                }
                double g = gb[l][o] / batch;
                mb[l][o] = beta1 * mb[l][o] + (1 - beta1) * g;
                vb[l][o] = beta2 * vb[l][o] + (1 - beta2) * g * g;
                b[l][o] -= learningRate * (mb[l][o] / c1) / (Math.sqrt(vb[l][o] / c2) + 1e-8);
            }
        }
        zeroGradients();
    }

    /** Softmax of a score vector (numerically stable). */
    public static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double[] p = new double[s.length];
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            p[i] = Math.exp(s[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < s.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
