package io.amcp.strategy.ml;

import io.amcp.ai.inference.Prediction;

/**
 * Turns a three-class prediction (0 = down, 1 = flat, 2 = up) into a target position, as a signed
 * fraction of equity. The confidence is the predicted class's probability; its edge over chance is
 * {@code (confidence - 1/K) / (1 - 1/K)} for {@code K} classes (0 at chance, 1 when certain). An up
 * prediction with at least {@code minConfidence} targets {@code +maxAllocation * edge}; a down
 * prediction targets {@code -maxAllocation * edge} when shorting is allowed, else flat; anything else
 * (flat, or too little confidence) targets flat.
 *
 * @param minConfidence least confidence to act, in [0, 1]
 * @param maxAllocation position value at full confidence as a fraction of equity, not negative
 * @param allowShort    whether down predictions go short
 */
public record SignalPolicy(double minConfidence, double maxAllocation, boolean allowShort) {

    /** Class index of "down". */
    public static final int DOWN = 0;
    /** Class index of "up". */
    public static final int UP = 2;

    public SignalPolicy {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence: must be in [0, 1], got " + minConfidence);
        }
        if (!(maxAllocation >= 0) || Double.isInfinite(maxAllocation)) {
            throw new IllegalArgumentException("maxAllocation: must be finite and not negative, got " + maxAllocation);
        }
    }

    /** A policy; see the record components. */
    public static SignalPolicy of(double minConfidence, double maxAllocation, boolean allowShort) {
        return new SignalPolicy(minConfidence, maxAllocation, allowShort);
    }

    /**
     * The target position as a signed fraction of equity.
     *
     * @throws IllegalArgumentException naming {@code prediction} when it does not have three classes
     */
    public double targetFraction(Prediction prediction) {
        if (prediction.classes() != 3) {
            throw new IllegalArgumentException("prediction: expected 3 classes (down, flat, up), got "
                    + prediction.classes());
        }
        int c = prediction.predictedClass();
        double confidence = prediction.confidence();
        if (confidence < minConfidence || (c != UP && c != DOWN)) {
            return 0.0;
        }
        double chance = 1.0 / 3;
        double edge = Math.max(0, (confidence - chance) / (1 - chance));
        if (c == UP) {
            return maxAllocation * edge;
        }
        return allowShort ? -maxAllocation * edge : 0.0;
    }
}
