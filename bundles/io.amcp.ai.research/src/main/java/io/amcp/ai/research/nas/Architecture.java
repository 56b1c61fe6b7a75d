package io.amcp.ai.research.nas;

import java.util.Arrays;
import java.util.Objects;

/**
 * An MLP architecture and its learning rate.
 *
 * @param hidden       widths of the hidden layers, 0 to 3 layers of 1 to 256 units
 * @param activation   hidden activation
 * @param learningRate Adam step size, in (0, 1)
 */
public record Architecture(int[] hidden, Activation activation, double learningRate) {

    public Architecture {
        Objects.requireNonNull(hidden, "hidden");
        Objects.requireNonNull(activation, "activation");
        if (hidden.length > 3) {
            throw new IllegalArgumentException("hidden: at most 3 layers, was " + hidden.length);
        }
        for (int h : hidden) {
            if (h < 1 || h > 256) {
                throw new IllegalArgumentException("hidden: widths must be in [1, 256], was " + Arrays.toString(hidden));
            }
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learningRate: must be in (0, 1), was " + learningRate);
        }
        hidden = hidden.clone();
    }

    /** The fixed default the search is compared with: one hidden layer of 32 ReLU units, step 0.001. */
    public static Architecture defaults() {
        return new Architecture(new int[] {32}, Activation.RELU, 0.001);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture x && Arrays.equals(hidden, x.hidden) && activation == x.activation
                && learningRate == x.learningRate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hidden), activation, learningRate);
    }

    @Override
    public String toString() {
        return "MLP" + Arrays.toString(hidden) + " " + activation.name().toLowerCase(java.util.Locale.ROOT) + " lr "
                + learningRate;
    }
}
