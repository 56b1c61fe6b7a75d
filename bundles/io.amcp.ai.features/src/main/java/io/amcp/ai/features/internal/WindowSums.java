package io.amcp.ai.features.internal;

import java.util.Arrays;

/**
 * Sums and sums of squares of one or several quantities (channels) over several trailing windows at
 * once. The values of all channels live in a single interleaved ring buffer (capacity a power of two
 * above the longest window), so a push stores each value once and moves each window's sums by
 * {@code x - x(t - n)}: O(windows x channels) per push from one ring position per window, no
 * allocation. A multi-channel push stages each channel's value with {@link #stage(int, double)} and
 * then calls {@link #push()}. Every {@value #RESUM_INTERVAL} pushes all sums are rebuilt from the
 * buffer, so rounding error is bounded by that many add/subtract steps (relative 1e-13 or so) and
 * never accumulates beyond them.
 */
final class WindowSums {

    /** Pushes between exact rebuilds of the sums; each rebuild costs the sum of the window lengths. */
    static final int RESUM_INTERVAL = 4096;

    private final int[] windows;
    private final int channels;
    private final int longest;
    private final double[] values;
    private final int mask;
    private final double[] staged;
    /** Indexed {@code window * channels + channel}. */
    private final double[] sum;
    private final double[] squares;
    private long count;
    private int sinceResum;

    /** One channel over {@code windows}. */
    WindowSums(int... windows) {
        this(1, windows);
    }

    /** {@code channels} quantities pushed together over {@code windows}. */
    WindowSums(int channels, int[] windows) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive, got " + channels);
        }
        int max = 1;
        for (int w : windows) {
            if (w <= 1) {
                throw new IllegalArgumentException("window must be at least 2, got " + w);
            }
            max = Math.max(max, w);
        }
        int capacity = Integer.highestOneBit(max) << 1;
        this.windows = windows.clone();
        this.channels = channels;
        this.longest = max;
        this.values = new double[capacity * channels];
        this.mask = capacity - 1;
        this.staged = new double[channels];
        this.sum = new double[windows.length * channels];
        this.squares = new double[windows.length * channels];
    }

    /** Pushes {@code x} to a single-channel instance. */
    void push(double x) {
        staged[0] = x;
        push();
    }

    /** Sets the value channel {@code c} takes at the next {@link #push()}. */
    void stage(int c, double x) {
        staged[c] = x;
    }

    /** Pushes the staged value of every channel. */
    void push() {
        int k = channels;
        System.arraycopy(staged, 0, values, (int) (count & mask) * k, k);
        count++;
        if (++sinceResum == RESUM_INTERVAL) {
            sinceResum = 0;
            resum();
            return;
        }
        boolean full = count > longest;
        for (int i = 0; i < windows.length; i++) {
            int at = i * k;
            if (full || count > windows[i]) {
                int old = (int) ((count - 1 - windows[i]) & mask) * k;
                for (int c = 0; c < k; c++) {
                    double x = staged[c];
                    double o = values[old + c];
                    sum[at + c] += x - o;
                    squares[at + c] += x * x - o * o;
                }
            } else {
                for (int c = 0; c < k; c++) {
                    double x = staged[c];
                    sum[at + c] += x;
                    squares[at + c] += x * x;
                }
            }
        }
    }

    private void resum() {
        int k = channels;
        for (int i = 0; i < windows.length; i++) {
            long n = Math.min(count, windows[i]);
            for (int c = 0; c < k; c++) {
                double s = 0.0;
                double q = 0.0;
                for (long t = count - n; t < count; t++) {
                    double x = values[(int) (t & mask) * k + c];
                    s += x;
                    q += x * x;
                }
                sum[i * k + c] = s;
                squares[i * k + c] = q;
            }
        }
    }

    /** Whether window {@code i} holds {@code windows[i]} values. */
    boolean isFull(int i) {
        return count >= windows[i];
    }

    double sum(int i) {
        return sum[i];
    }

    double sum(int c, int i) {
        return sum[i * channels + c];
    }

    double sumOfSquares(int i) {
        return squares[i];
    }

    double mean(int i) {
        return sum[i] / windows[i];
    }

    double mean(int c, int i) {
        return sum[i * channels + c] / windows[i];
    }

    /** Sample variance (divisor {@code n - 1}) of full window {@code i} of a single-channel instance. */
    double sampleVariance(int i) {
        return sampleVariance(0, i);
    }

    /** Sample variance (divisor {@code n - 1}) of channel {@code c} over full window {@code i}, never negative. */
    double sampleVariance(int c, int i) {
        int n = windows[i];
        int at = i * channels + c;
        double v = (squares[at] - sum[at] * sum[at] / n) / (n - 1);
        return v > 0.0 ? v : 0.0;
    }

    void clear() {
        count = 0;
        sinceResum = 0;
        Arrays.fill(sum, 0.0);
        Arrays.fill(squares, 0.0);
    }
}
