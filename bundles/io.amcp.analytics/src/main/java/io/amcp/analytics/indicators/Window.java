package io.amcp.analytics.indicators;

/**
 * A fixed-capacity ring buffer of doubles with a running sum. The sum is rebuilt from the buffer once
 * every {@code max(capacity, 1024)} replacements, so add/subtract rounding never accumulates beyond
 * that many steps while the cost stays O(1) amortised per update (and small for short windows).
 */
final class Window {

    private static final int MIN_RESUM_INTERVAL = 1024;

    private final double[] values;
    private int next;
    private int size;
    private int sinceResum;
    private final int resumInterval;
    private double sum;

    Window(int capacity) {
        values = new double[Checks.positive(capacity, "period")];
        resumInterval = Math.max(capacity, MIN_RESUM_INTERVAL);
    }

    /** Adds a value, dropping the oldest once full; returns the dropped value, or NaN when none was. */
    double push(double value) {
        double dropped = Double.NaN;
        if (size == values.length) {
            dropped = values[next];
            values[next] = value;
            if (++sinceResum == resumInterval) {
                sinceResum = 0;
                next = advance(next);
                sum = exactSum();
                return dropped;
            }
            sum += value - dropped;
        } else {
            values[next] = value;
            size++;
            sum += value;
        }
        next = advance(next);
        return dropped;
    }

    private int advance(int index) {
        return index + 1 == values.length ? 0 : index + 1;
    }

    /** Sum of the buffered values, recomputed from scratch. */
    double exactSum() {
        double s = 0.0;
        for (int i = 0; i < size; i++) {
            s += values[i];
        }
        return s;
    }

    double sum() {
        return sum;
    }

    boolean isFull() {
        return size == values.length;
    }

    int size() {
        return size;
    }

    int capacity() {
        return values.length;
    }

    /** The value {@code age} updates ago: 0 is the newest, {@code size() - 1} the oldest. */
    double ago(int age) {
        int index = next - 1 - age;
        return values[index < 0 ? index + values.length : index];
    }

    /** The raw slot at {@code index} (0 ... capacity - 1), order unspecified; for exact recomputations. */
    double slot(int index) {
        return values[index];
    }

    void clear() {
        next = 0;
        size = 0;
        sinceResum = 0;
        sum = 0.0;
    }
}
