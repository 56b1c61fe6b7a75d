package io.amcp.ai.features;

import java.util.Objects;

/**
 * The output of {@link TripleBarrier#label}: per bar, the label ({@code +1} profit-take touched first,
 * {@code -1} stop-loss touched first, {@code 0} vertical barrier, {@link Double#NaN} unlabelled), the
 * index of the bar where a barrier was touched ({@code -1} when unlabelled), the log return from the
 * bar's close to the touch bar's close, and the volatility that scaled the barriers. Arrays are owned
 * by this object: callers must not modify them.
 */
public final class TripleBarrierLabels {

    private final double[] label;
    private final int[] touchIndex;
    private final double[] touchReturn;
    private final double[] volatility;

    TripleBarrierLabels(double[] label, int[] touchIndex, double[] touchReturn, double[] volatility) {
        this.label = label;
        this.touchIndex = touchIndex;
        this.touchReturn = touchReturn;
        this.volatility = volatility;
    }

    /** Number of bars labelled (or not) */
    public int size() {
        return label.length;
    }

    /** Whether bar {@code t} has a label. */
    public boolean isLabelled(int t) {
        return touchIndex[Objects.checkIndex(t, label.length)] >= 0;
    }

    /** {@code +1}, {@code -1}, {@code 0}, or NaN when bar {@code t} is unlabelled. */
    public double label(int t) {
        return label[t];
    }

    /** Bar index of the first barrier touched from bar {@code t}, {@code -1} when unlabelled. */
    public int touchIndex(int t) {
        return touchIndex[t];
    }

    /** {@code ln(C_touch / C_t)}, NaN when unlabelled. */
    public double touchReturn(int t) {
        return touchReturn[t];
    }

    /** The volatility {@code sigma_t} the barriers were scaled by, NaN before the window is filled. */
    public double volatility(int t) {
        return volatility[t];
    }

    /** All labels (owned by this object; do not modify). */
    public double[] labels() {
        return label;
    }

    /** All touch indices (owned by this object; do not modify). */
    public int[] touchIndices() {
        return touchIndex;
    }
}
