package io.amcp.ai.features.legacy;

/**
 * Sums of the first {@code order} powers of the last {@code capacity} values pushed, kept in a ring
 * buffer of primitives. Each push is O(1); every {@code capacity} replacements the sums are rebuilt
 * from the buffer so add/subtract rounding never accumulates beyond one window.
 */
final class RollingMoments {

    private final double[] values;
    private final int order;
    private int next;
    private int size;
    private int sinceResum;
    private double s1;
    private double s2;
    private double s3;
    private double s4;

    RollingMoments(int capacity, int order) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        if (order < 1 || order > 4) {
            throw new IllegalArgumentException("order must be 1 to 4, got " + order);
        }
        this.values = new double[capacity];
        this.order = order;
    }

    void push(double x) {
        if (size == values.length) {
            double old = values[next];
            values[next] = x;
            next = next + 1 == values.length ? 0 : next + 1;
            if (++sinceResum == values.length) {
                sinceResum = 0;
                resum();
                return;
            }
            s1 += x - old;
            if (order >= 2) {
                double x2 = x * x;
                double o2 = old * old;
                s2 += x2 - o2;
                if (order >= 3) {
                    s3 += x2 * x - o2 * old;
                    if (order == 4) {
                        s4 += x2 * x2 - o2 * o2;
                    }
                }
            }
            return;
        }
        values[next] = x;
        next = next + 1 == values.length ? 0 : next + 1;
        size++;
        s1 += x;
        if (order >= 2) {
            double x2 = x * x;
            s2 += x2;
            s3 += x2 * x;
            s4 += x2 * x2;
        }
    }

    private void resum() {
        double a = 0.0;
        double b = 0.0;
        double c = 0.0;
        double d = 0.0;
        for (double x : values) {
            double x2 = x * x;
            a += x;
            b += x2;
            c += x2 * x;
            d += x2 * x2;
        }
        s1 = a;
        s2 = b;
        s3 = c;
        s4 = d;
    }

    boolean isFull() {
        return size == values.length;
    }

    int capacity() {
        return values.length;
    }

    double sum() {
        return s1;
    }

    double sumOfSquares() {
        return s2;
    }

    double sumOfCubes() {
        return s3;
    }

    double sumOfFourthPowers() {
        return s4;
    }

    double mean() {
        return s1 / values.length;
    }

    /** Sample variance (divisor {@code n - 1}) of a full window, never negative. */
    double sampleVariance() {
        int n = values.length;
        double v = (s2 - s1 * s1 / n) / (n - 1);
        return v > 0.0 ? v : 0.0;
    }

    void clear() {
        next = 0;
        size = 0;
        sinceResum = 0;
        s1 = 0.0;
        s2 = 0.0;
        s3 = 0.0;
        s4 = 0.0;
    }
}
