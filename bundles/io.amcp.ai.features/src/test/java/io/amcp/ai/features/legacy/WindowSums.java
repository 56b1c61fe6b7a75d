package io.amcp.ai.features.legacy;

/**
 * Sums and sums of squares of one quantity over several trailing windows at once. The values live in
 * a single ring buffer (capacity a power of two above the longest window), so a push stores the value
 * once and moves each window's sums by {@code x - x(t - n)}: O(windows) per push, no allocation. Every
 * {@value #RESUM_INTERVAL} pushes all sums are rebuilt from the buffer, so rounding error is bounded by
 * that many add/subtract steps (relative 1e-13 or so) and never accumulates beyond them.
 */
final class WindowSums {

    /** Pushes between exact rebuilds of the sums; each rebuild costs the sum of the window lengths. */
    static final int RESUM_INTERVAL = 4096;

    private final int[] windows;
    private final double[] values;
    private final int mask;
    private final double[] sum;
    private final double[] squares;
    private long count;
    private int sinceResum;

    WindowSums(int... windows) {
        int longest = 1;
        for (int w : windows) {
            if (w <= 1) {
                throw new IllegalArgumentException("window must be at least 2, got " + w);
            }
            longest = Math.max(longest, w);
        }
        int capacity = Integer.highestOneBit(longest) << 1;
        this.windows = windows.clone();
        this.values = new double[capacity];
        this.mask = capacity - 1;
        this.sum = new double[windows.length];
        this.squares = new double[windows.length];
    }

    void push(double x) {
        values[(int) (count & mask)] = x;
        count++;
        if (++sinceResum == RESUM_INTERVAL) {
            sinceResum = 0;
            resum();
            return;
        }
        double x2 = x * x;
        for (int i = 0; i < windows.length; i++) {
            if (count > windows[i]) {
                double old = values[(int) ((count - 1 - windows[i]) & mask)];
                sum[i] += x - old;
                squares[i] += x2 - old * old;
            } else {
                sum[i] += x;
                squares[i] += x2;
            }
        }
    }

    private void resum() {
        for (int i = 0; i < windows.length; i++) {
            long n = Math.min(count, windows[i]);
            double s = 0.0;
            double q = 0.0;
            for (long k = count - n; k < count; k++) {
                double x = values[(int) (k & mask)];
                s += x;
                q += x * x;
            }
            sum[i] = s;
            squares[i] = q;
        }
    }

    /** Whether window {@code i} holds {@code windows[i]} values. */
    boolean isFull(int i) {
        return count >= windows[i];
    }

    double sum(int i) {
        return sum[i];
    }

    double sumOfSquares(int i) {
        return squares[i];
    }

    double mean(int i) {
        return sum[i] / windows[i];
    }

    /** Sample variance (divisor {@code n - 1}) of full window {@code i}, never negative. */
    double sampleVariance(int i) {
        int n = windows[i];
        double v = (squares[i] - sum[i] * sum[i] / n) / (n - 1);
        return v > 0.0 ? v : 0.0;
    }

    void clear() {
        count = 0;
        sinceResum = 0;
        java.util.Arrays.fill(sum, 0.0);
        java.util.Arrays.fill(squares, 0.0);
    }
}
