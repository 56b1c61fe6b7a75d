package io.amcp.ai.research.gan;

import io.amcp.ai.research.internal.Mlp;
import io.amcp.ai.research.internal.Stats;
import io.amcp.ai.research.nas.Activation;
import java.util.SplittableRandom;

/**
 * A generative adversarial network (I. Goodfellow et al., 2014) over windows of standardised
 * returns, with pure-Java MLPs: the generator maps {@code noise} standard normal inputs through two
 * leaky-ReLU layers to a window; the discriminator maps a window through two leaky-ReLU layers to a
 * logit. Training alternates one discriminator step (logistic loss on a real and a generated batch)
 * and one generator step with the non-saturating loss {@code -ln sigmoid(D(G(z)))}; both use Adam.
 *
 * @param window   returns per window, at least 2
 * @param noise    generator input size, at least 1
 * @param hidden   width of the hidden layers
 * @param steps    training steps
 * @param batch    windows per batch
 * @param rate     Adam step size
 * @param seed     random seed
 */
public record ReturnGan(int window, int noise, int hidden, int steps, int batch, double rate, long seed) {

    public ReturnGan {
        if (window < 2 || noise < 1 || hidden < 1 || steps < 1 || batch < 1) {
            throw new IllegalArgumentException("window/noise/hidden/steps/batch: must be at least 2/1/1/1/1, were "
                    + window + "/" + noise + "/" + hidden + "/" + steps + "/" + batch);
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate: must be positive, was " + rate);
        }
    }

    /** A trained generator. */
    public static final class Generator {
        private final Mlp net;
        private final int noise;

        Generator(Mlp net, int noise) {
            this.net = net;
            this.noise = noise;
        }

        /** {@code count} generated windows from {@code seed}. */
        public double[][] sample(int count, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] out = new double[count][];
            for (int i = 0; i < count; i++) {
                out[i] = net.forward(noise(random, noise));
            }
            return out;
        }
    }

    /** Trains on {@code real} windows (each of {@link #window()} standardised returns). */
    public Generator train(double[][] real) {
        if (real.length == 0 || real[0].length != window) {
            throw new IllegalArgumentException("real: windows must have " + window + " returns");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Mlp g = new Mlp(new int[] {noise, hidden, hidden, window}, Activation.LEAKY_RELU, seed + 1);
        Mlp d = new Mlp(new int[] {window, hidden, hidden, 1}, Activation.LEAKY_RELU, seed + 2);
        for (int step = 0; step < steps; step++) {
            for (int b = 0; b < batch; b++) {
                double[] x = real[random.nextInt(real.length)];
                d.backward(new double[] {sigmoid(d.forward(x)[0]) - 1});
                double[] fake = g.forward(noise(random, noise));
                d.backward(new double[] {sigmoid(d.forward(fake)[0])});
            }
            d.adamStep(rate, 2 * batch);
            for (int b = 0; b < batch; b++) {
                double[] fake = g.forward(noise(random, noise));
                double[] dFake = d.backward(new double[] {sigmoid(d.forward(fake)[0]) - 1});
                g.backward(dFake);
            }
            d.zeroGradients();
            g.adamStep(rate, batch);
        }
        return new Generator(g, noise);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] noise(SplittableRandom random, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = Stats.gaussian(random);
        }
        return z;
    }
}
