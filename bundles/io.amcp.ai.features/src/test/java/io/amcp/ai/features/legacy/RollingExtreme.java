package io.amcp.ai.features.legacy;

/**
 * The maximum (or minimum) of the last {@code window} values, from a monotonic queue of
 * (index, value) pairs in primitive ring buffers: O(1) amortised per push, no allocation.
 */
final class RollingExtreme {

    private final int window;
    private final boolean maximum;
    private final long[] indices;
    private final double[] values;
    private int head;
    private int size;
    private long count;

    private RollingExtreme(int window, boolean maximum) {
        this.window = window;
        this.maximum = maximum;
        this.indices = new long[window];
        this.values = new double[window];
    }

    static RollingExtreme max(int window) {
        return new RollingExtreme(window, true);
    }

    static RollingExtreme min(int window) {
        return new RollingExtreme(window, false);
    }

    void push(double x) {
        long index = count++;
        if (size > 0 && indices[head] <= index - window) {
            head = wrap(head + 1);
            size--;
        }
        while (size > 0 && dominated(values[wrap(head + size - 1)], x)) {
            size--;
        }
        int tail = wrap(head + size++);
        indices[tail] = index;
        values[tail] = x;
    }

    private boolean dominated(double queued, double incoming) {
        return maximum ? queued <= incoming : queued >= incoming;
    }

    private int wrap(int i) {
        return i >= window ? i - window : i;
    }

    boolean isFull() {
        return count >= window;
    }

    double value() {
        return values[head];
    }

    void clear() {
        head = 0;
        size = 0;
        count = 0;
    }
}
