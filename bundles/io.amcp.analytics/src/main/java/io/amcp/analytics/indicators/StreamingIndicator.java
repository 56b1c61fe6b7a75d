package io.amcp.analytics.indicators;

/**
 * What every streaming indicator offers besides its {@code update} method: the latest value, whether
 * its warm-up is over, how many inputs it has seen, and a reset.
 *
 * <p>Implementations keep O(1) state per update (ring buffers over {@code double[]}, running sums),
 * allocate nothing after construction and are not thread-safe: one instance belongs to one strategy
 * on the kernel thread.
 *
 * <p>{@link #value()} is {@link Double#NaN} while the indicator has no value at all. Some indicators
 * (those built with {@link Seeding#FIRST_VALUE}) have a value from the first input on but are not
 * {@link #isReady() ready} until their warm-up is over.
 */
public interface StreamingIndicator {

    /** The latest value, or {@link Double#NaN} while there is none yet. */
    double value();

    /** Whether enough inputs have been seen for {@link #value()} to mean what the indicator defines. */
    boolean isReady();

    /** Number of inputs (bars or prices) seen since construction or the last {@link #reset()}. */
    long count();

    /** Forgets every input, as if newly constructed. */
    void reset();
}
