package io.amcp.ai.research.nas;

/** Hidden-layer activation of the research MLPs. */
public enum Activation {
    /** {@code max(0, z)}. */
    RELU,
    /** {@code tanh(z)}. */
    TANH,
    /** {@code z} for positive z, else {@code 0.2 z}. */
    LEAKY_RELU;

    /** The activation of a pre-activation {@code z}. */
    public double apply(double z) {
        return switch (this) {
            case RELU -> z > 0 ? z : 0;
            case TANH -> Math.tanh(z);
            case LEAKY_RELU -> z > 0 ? z : 0.2 * z;
        };
    }

    /** The derivative at pre-activation {@code z}, given the activation {@code a} there. */
    public double derivative(double z, double a) {
        return switch (this) {
            case RELU -> z > 0 ? 1 : 0;
            case TANH -> 1 - a * a;
            case LEAKY_RELU -> z > 0 ? 1 : 0.2;
        };
    }
}
