package io.amcp.ai.features.internal;

/**
 * The maximum (or minimum) of the last {@code n} values for several window lengths {@code n} at once,
 * from one monotonic queue of (index, value) pairs in primitive ring buffers. The queue serves the
 * longest window; every shorter window keeps its own head position inside it, which only moves
 * forward, so a push costs O(1) amortised plus one short step per window and allocates nothing.
 * A window's head moves at most one place per push: the queue's indices are distinct and increasing,
 * so only the element of index {@code index - n} can newly leave a window of {@code n}, and a head on
 * an element popped from the tail is put back on the newest one, which cannot have left. The step is a
 * conditional move, not a loop, so it costs no mispredicted branch.
 * Equal values keep the latest; the extremes returned are the same
 * numbers one queue per window would return.
 */
final class RollingExtremes {

    private final int[] windows;
    private final boolean maximum;
    private final long[] indices;
    private final double[] values;
    private final int mask;
    private final int longest;
    private final long[] heads;
    private long head;
    private long tail;
    private long count;

    private RollingExtremes(boolean maximum, int... windows) {
        int longest = 1;
        for (int w : windows) {
            if (w < 1) {
                throw new IllegalArgumentException("window must be positive, got " + w);
            }
            longest = Math.max(longest, w);
        }
        int capacity = Integer.highestOneBit(longest) << 1;
        this.windows = windows.clone();
        this.maximum = maximum;
        this.indices = new long[capacity];
        this.values = new double[capacity];
        this.mask = capacity - 1;
        this.longest = longest;
        this.heads = new long[windows.length];
    }

    static RollingExtremes max(int... windows) {
        return new RollingExtremes(true, windows);
    }

    static RollingExtremes min(int... windows) {
        return new RollingExtremes(false, windows);
    }

    void push(double x) {
        long index = count++;
        if (tail > head && indices[(int) (head & mask)] <= index - longest) {
            head++;
        }
        if (maximum) {
            while (tail > head && values[(int) ((tail - 1) & mask)] <= x) {
                tail--;
            }
        } else {
            while (tail > head && values[(int) ((tail - 1) & mask)] >= x) {
                tail--;
            }
        }
        int slot = (int) (tail & mask);
        indices[slot] = index;
        values[slot] = x;
        long newest = tail++;
        for (int i = 0; i < windows.length; i++) {
            long h = Math.max(Math.min(heads[i], newest), head);
            heads[i] = indices[(int) (h & mask)] <= index - windows[i] ? h + 1 : h;
        }
    }

    /** The extreme of the last {@code windows[i]} values (of all values pushed while fewer). */
    double value(int i) {
        return values[(int) (heads[i] & mask)];
    }

    void clear() {
        head = 0;
        tail = 0;
        count = 0;
        java.util.Arrays.fill(heads, 0L);
    }
}
