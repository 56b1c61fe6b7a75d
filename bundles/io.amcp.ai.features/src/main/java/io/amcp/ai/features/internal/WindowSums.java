package io.amcp.ai.features.internal;

import java.util.Arrays;

/**
 * Sums and sums of squares of one or several quantities (channels) over several trailing windows at
 * once, from running prefix sums: a push adds each channel's value and square to its running totals
 * and stores the totals in a ring (capacity a power of two above the longest window), and the sum over
 * the last {@code n} values is the difference of two stored totals. A push costs O(channels) whatever
 * the number of windows, a read O(1), and nothing is allocated. A multi-channel push stages each
 * channel's value with {@link #stage(int, double)} and then calls {@link #push()}.
 *
 * <p>Each push also records, per window, where in the ring the total just before that window's values
 * sits (a row of zeros while fewer values were pushed), so a read is two loads and a subtraction with
 * no branch and no index arithmetic.
 *
 * <p>Every {@value #REBUILD_INTERVAL} pushes the totals restart from zero at the oldest value still in
 * the ring, summed afresh from the raw values kept beside them, so a total never holds more than
 * {@code REBUILD_INTERVAL} plus the ring's capacity values and the rounding of a window's sum stays
 * within a few 1e-14 of the window's absolute sum.
 */
final class WindowSums {

    /** Pushes between rebuilds of the running totals; each rebuild costs the ring's capacity per channel. */
    static final int REBUILD_INTERVAL = 1024;

    private final int[] windows;
    private final int channels;
    private final int squared;
    private final int capacity;
    private final int mask;
    /**
     * Ring buffers, indexed {@code slot * channels + channel}, the square totals
     * {@code slot * squared + channel} (only the squared channels, so a slot's row is no wider than what
     * is read); both totals have a row of zeros after the ring.
     */
    private final double[] raw;
    private final double[] totals;
    private final double[] squareTotals;
    private final double[] staged;
    /** Per window: 1 / n and 1 / (n - 1), so that reads multiply instead of divide. */
    private final double[] inverse;
    private final double[] inverseLessOne;
    private final double[] total;
    private final double[] squareTotal;
    /** Index of the zero row of {@link #totals}. */
    private final int zeroRow;
    /** Index of the zero row of {@link #squareTotals}. */
    private final int zeroSquareRow;
    /** Per window: index of the row holding the totals just before its values, {@link #zeroRow} while none. */
    private final int[] before;
    /** Per window: the same row's index in {@link #squareTotals}, {@link #zeroSquareRow} while none. */
    private final int[] beforeSquare;
    private long count;
    private int sinceRebuild;

    /**
     * {@code channels} quantities pushed together over {@code windows}; the first {@code squared}
     * channels also keep sums of squares.
     */
    WindowSums(int channels, int squared, int[] windows) {
        this(channels, squared, windows, 0);
    }

    /**
     * {@code channels} quantities over {@code windows}, the first {@code squared} with sums of squares,
     * whose sums can also be read up to {@code reach} pushes back with {@link #sumAgo} and
     * {@link #sumOfSquaresAgo}.
     */
    WindowSums(int channels, int squared, int[] windows, int reach) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive, got " + channels);
        }
        if (squared < 0 || squared > channels) {
            throw new IllegalArgumentException("squared must be 0 to " + channels + ", got " + squared);
        }
        int longest = 1;
        for (int w : windows) {
            if (w <= 1) {
                throw new IllegalArgumentException("window must be at least 2, got " + w);
            }
            longest = Math.max(longest, w);
        }
        if (reach < 0) {
            throw new IllegalArgumentException("reach must not be negative, got " + reach);
        }
        int size = Integer.highestOneBit(longest + reach) << 1;
        if (size > REBUILD_INTERVAL) {
            throw new IllegalArgumentException("longest window plus reach must be below " + REBUILD_INTERVAL / 2
                    + ", got " + (longest + reach));
        }
        this.windows = windows.clone();
        this.channels = channels;
        this.squared = squared;
        this.capacity = size;
        this.mask = size - 1;
        this.raw = new double[size * channels];
        this.totals = new double[(size + 1) * channels];
        this.squareTotals = new double[(size + 1) * squared];
        this.zeroRow = size * channels;
        this.zeroSquareRow = size * squared;
        this.before = new int[windows.length];
        this.beforeSquare = new int[windows.length];
        Arrays.fill(before, zeroRow);
        Arrays.fill(beforeSquare, zeroSquareRow);
        this.staged = new double[channels];
        this.inverse = new double[windows.length];
        this.inverseLessOne = new double[windows.length];
        for (int i = 0; i < windows.length; i++) {
            inverse[i] = 1.0 / windows[i];
            inverseLessOne[i] = 1.0 / (windows[i] - 1);
        }
        this.total = new double[channels];
        this.squareTotal = new double[channels];
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
        int slot = (int) (count & mask);
        int at = slot * k;
        int squareAt = slot * squared;
        for (int c = 0; c < squared; c++) {
            double x = staged[c];
            double t = total[c] + x;
            double q = squareTotal[c] + x * x;
            raw[at + c] = x;
            totals[at + c] = t;
            squareTotals[squareAt + c] = q;
            total[c] = t;
            squareTotal[c] = q;
        }
        for (int c = squared; c < k; c++) {
            double x = staged[c];
            double t = total[c] + x;
            raw[at + c] = x;
            totals[at + c] = t;
            total[c] = t;
        }
        count++;
        for (int i = 0; i < windows.length; i++) {
            long start = count - 1 - windows[i];
            int startSlot = (int) (start & mask);
            before[i] = start >= 0 ? startSlot * k : zeroRow;
            beforeSquare[i] = start >= 0 ? startSlot * squared : zeroSquareRow;
        }
        if (++sinceRebuild == REBUILD_INTERVAL) {
            sinceRebuild = 0;
            rebuild();
        }
    }

    /** Restarts the totals at the oldest value in the ring (count is at least the capacity here). */
    private void rebuild() {
        int k = channels;
        for (int c = 0; c < k; c++) {
            double t = 0.0;
            double q = 0.0;
            for (long p = count - capacity; p < count; p++) {
                int slot = (int) (p & mask);
                int at = slot * k + c;
                double x = raw[at];
                t += x;
                totals[at] = t;
                if (c < squared) {
                    q += x * x;
                    squareTotals[slot * squared + c] = q;
                }
            }
            total[c] = t;
            squareTotal[c] = q;
        }
    }

    /** Whether window {@code i} holds {@code windows[i]} values. */
    boolean isFull(int i) {
        return count >= windows[i];
    }

    /** Sum of a single-channel instance over window {@code i}. */
    double sum(int i) {
        return sum(0, i);
    }

    /** Sum of channel {@code c} over window {@code i} (over every value pushed while fewer). */
    double sum(int c, int i) {
        return total[c] - totals[before[i] + c];
    }

    /** Sum of squares of channel {@code c}, one of the squared channels, over window {@code i}. */
    double sumOfSquares(int c, int i) {
        return squareTotal[c] - squareTotals[beforeSquare[i] + c];
    }

    /**
     * Sum of channel {@code c} over the {@code n} values that end {@code ago} pushes before the latest
     * (so {@code ago = 0} is the last {@code n}); {@code n} one of the windows and {@code ago} at most the
     * reach given at construction.
     */
    double sumAgo(int c, int n, int ago) {
        return totalAgo(totals, c, ago) - totalAgo(totals, c, ago + n);
    }

    /** Sum of squares of channel {@code c} over {@code n} values ending {@code ago} pushes back; see {@link #sumAgo}. */
    double sumOfSquaresAgo(int c, int n, int ago) {
        return squareTotalAgo(c, ago) - squareTotalAgo(c, ago + n);
    }

    private double totalAgo(double[] ring, int c, int ago) {
        return count > ago ? ring[(int) ((count - 1 - ago) & mask) * channels + c] : 0.0;
    }

    private double squareTotalAgo(int c, int ago) {
        return count > ago ? squareTotals[(int) ((count - 1 - ago) & mask) * squared + c] : 0.0;
    }

    double mean(int i) {
        return sum(0, i) * inverse[i];
    }

    double mean(int c, int i) {
        return sum(c, i) * inverse[i];
    }

    /** Sample variance (divisor {@code n - 1}) of full window {@code i} of a single-channel instance. */
    double sampleVariance(int i) {
        return sampleVariance(0, i);
    }

    /**
     * Sample variance (divisor {@code n - 1}) of channel {@code c}, one of the squared channels, over full
     * window {@code i}, never negative.
     */
    double sampleVariance(int c, int i) {
        double s = sum(c, i);
        double v = (sumOfSquares(c, i) - s * s * inverse[i]) * inverseLessOne[i];
        return v > 0.0 ? v : 0.0;
    }

    void clear() {
        count = 0;
        sinceRebuild = 0;
        Arrays.fill(total, 0.0);
        Arrays.fill(squareTotal, 0.0);
        Arrays.fill(before, zeroRow);
        Arrays.fill(beforeSquare, zeroSquareRow);
    }
}
