package io.amcp.samples.pairs;

/**
 * The z-score of the latest value against the last {@code window} values (the latest included):
 * {@code (v - mean) / s} with the sample standard deviation {@code s} (divisor window - 1).
 */
final class RollingZScore {

    private final double[] values;
    private int next;
    private int size;

    RollingZScore(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("zWindow: must be at least 2, was " + window);
        }
        values = new double[window];
    }

    void add(double value) {
        values[next] = value;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    boolean ready() {
        return size == values.length;
    }

    /**
     * The latest value's z-score, summed oldest first (so a restored window gives the same bits); NaN
     * before the window is full or when the values do not vary.
     */
    double zScore() {
        if (!ready()) {
            return Double.NaN;
        }
        double[] ordered = values();
        double mean = 0;
        for (double v : ordered) {
            mean += v;
        }
        mean /= size;
        double squares = 0;
        for (double v : ordered) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (size - 1));
        double latest = values[(next - 1 + size) % size];
        return sd == 0 ? Double.NaN : (latest - mean) / sd;
    }

    /** The values in the window, oldest first. */
    double[] values() {
        double[] out = new double[size];
        int start = size == values.length ? next : 0;
        for (int i = 0; i < size; i++) {
            out[i] = values[(start + i) % values.length];
        }
        return out;
    }
}
