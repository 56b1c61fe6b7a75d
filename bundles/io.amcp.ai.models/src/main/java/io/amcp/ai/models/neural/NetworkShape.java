package io.amcp.ai.models.neural;

import java.util.Arrays;
import java.util.Objects;

/**
 * A network's architecture.
 *
 * @param inputs         features per row (for an LSTM, {@code sequenceLength} times the features per step)
 * @param hidden         hidden layer sizes (an LSTM uses one: its state size)
 * @param classes        output classes, at least 2
 * @param sequenceLength time steps per row, 1 for an MLP
 */
public record NetworkShape(int inputs, int[] hidden, int classes, int sequenceLength) {

    public NetworkShape {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs: must be at least 1, got " + inputs);
        }
        hidden = hidden.clone();
        if (hidden.length == 0) {
            throw new IllegalArgumentException("hidden: at least one layer is needed");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden: layer sizes must be positive, got " + Arrays.toString(hidden));
            }
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes: must be at least 2, got " + classes);
        }
        if (sequenceLength < 1 || inputs % sequenceLength != 0) {
            throw new IllegalArgumentException("sequenceLength: must be positive and divide inputs " + inputs + ", got "
                    + sequenceLength);
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkShape s && inputs == s.inputs && Arrays.equals(hidden, s.hidden)
                && classes == s.classes && sequenceLength == s.sequenceLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputs, Arrays.hashCode(hidden), classes, sequenceLength);
    }

    @Override
    public String toString() {
        return "NetworkShape[inputs=" + inputs + ", hidden=" + Arrays.toString(hidden) + ", classes=" + classes
                + ", sequenceLength=" + sequenceLength + "]";
    }
}
