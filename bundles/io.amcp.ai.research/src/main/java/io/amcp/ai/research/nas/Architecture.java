package io.amcp.ai.research.nas;

import java.util.Arrays;
import java.util.Objects;

/**
 * A network architecture and its learning rate: optionally an LSTM layer over the last
 * {@code steps} feature rows, then an MLP (on the LSTM's last hidden state, or on the current
 * feature row when there is no LSTM) with a softmax output.
 *
 * @param hidden       widths of the MLP's hidden layers, 0 to 3 layers of 1 to 256 units
 * @param activation   hidden activation of the MLP
 * @param learningRate Adam step size, in (0, 1)
 * @param recurrent    LSTM units, 0 (no LSTM) to 256
 * @param steps        feature rows the network reads, 1 without an LSTM, 1 to 64 with one
 */
public record Architecture(int[] hidden, Activation activation, double learningRate, int recurrent, int steps) {

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
        if (recurrent < 0 || recurrent > 256) {
            throw new IllegalArgumentException("recurrent: must be in [0, 256], was " + recurrent);
        }
        if (recurrent == 0 ? steps != 1 : steps < 1 || steps > 64) {
            throw new IllegalArgumentException("steps: must be 1 without an LSTM and in [1, 64] with one, was " + steps);
        }
        hidden = hidden.clone();
    }

    /** An MLP on the current feature row. */
    public Architecture(int[] hidden, Activation activation, double learningRate) {
        this(hidden, activation, learningRate, 0, 1);
    }

    /** The fixed default the search is compared with: one hidden layer of 32 ReLU units, step 0.001. */
    public static Architecture defaults() {
        return new Architecture(new int[] {32}, Activation.RELU, 0.001);
    }

    /** Whether the network has an LSTM layer. */
    public boolean isRecurrent() {
        return recurrent > 0;
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture x && Arrays.equals(hidden, x.hidden) && activation == x.activation
                && learningRate == x.learningRate && recurrent == x.recurrent && steps == x.steps;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hidden), activation, learningRate, recurrent, steps);
    }

    @Override
    public String toString() {
        return (recurrent > 0 ? "LSTM(" + recurrent + " units, " + steps + " steps) + " : "") + "MLP"
                + Arrays.toString(hidden) + " " + activation.name().toLowerCase(java.util.Locale.ROOT) + " lr " + learningRate;
    }
}
