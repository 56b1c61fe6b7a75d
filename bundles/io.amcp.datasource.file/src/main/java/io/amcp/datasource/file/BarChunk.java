package io.amcp.datasource.file;

/**
 * A reusable block of bar columns that {@link SyntheticBarGenerator.BarStream#next(BarChunk)}
 * refills, so that any number of bars can be processed in constant memory. Rows {@code 0..size()-1}
 * are valid after a refill; the arrays are overwritten by the next one.
 */
public final class BarChunk {

    /** Bar end times, nanoseconds since the epoch. */
    public final long[] time;
    /** Raw open prices. */
    public final long[] open;
    /** Raw high prices. */
    public final long[] high;
    /** Raw low prices. */
    public final long[] low;
    /** Raw close prices. */
    public final long[] close;
    /** Raw volumes. */
    public final long[] volume;
    private int size;

    public BarChunk(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be at least 1, was " + capacity);
        }
        time = new long[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        volume = new long[capacity];
    }

    public int capacity() {
        return time.length;
    }

    /** Number of valid rows. */
    public int size() {
        return size;
    }

    void setSize(int size) {
        this.size = size;
    }
}
