package io.amcp.backtest.metrics;

import java.util.Arrays;

/**
 * Account equity sampled once per bar (or per day on long runs).
 *
 * <p>The arrays are copied in and out; read them once with {@link #times()} and {@link #equity()}
 * rather than per element.
 *
 * @param times  sample times, nanoseconds since the epoch, strictly increasing
 * @param equity equity at each sample, finite
 */
public record EquityCurve(long[] times, double[] equity) {

    public EquityCurve {
        if (times == null || equity == null) {
            throw new IllegalArgumentException("times, equity: must not be null");
        }
        if (times.length != equity.length) {
            throw new IllegalArgumentException("equity: has " + equity.length + " samples but times has " + times.length);
        }
        if (times.length == 0) {
            throw new IllegalArgumentException("times: the equity curve needs at least one sample");
        }
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("times[" + i + "]: not after times[" + (i - 1) + "]");
            }
            if (!Double.isFinite(equity[i])) {
                throw new IllegalArgumentException("equity[" + i + "]: must be finite, was " + equity[i]);
            }
        }
        times = times.clone();
        equity = equity.clone();
    }

    /** A curve from parallel arrays (copied). */
    public static EquityCurve of(long[] times, double[] equity) {
        return new EquityCurve(times, equity);
    }

    @Override
    public long[] times() {
        return times.clone();
    }

    @Override
    public double[] equity() {
        return equity.clone();
    }

    /** Number of samples. */
    public int size() {
        return times.length;
    }

    /** First sample time, nanoseconds since the epoch. */
    public long firstTime() {
        return times[0];
    }

    /** Last sample time, nanoseconds since the epoch. */
    public long lastTime() {
        return times[times.length - 1];
    }

    /** Equity at the first sample. */
    public double firstEquity() {
        return equity[0];
    }

    /** Equity at the last sample. */
    public double lastEquity() {
        return equity[equity.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EquityCurve other && Arrays.equals(times, other.times) && Arrays.equals(equity, other.equity);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(equity);
    }

    @Override
    public String toString() {
        return "EquityCurve[" + times.length + " samples]";
    }
}
