package io.amcp.options.strategy;

/** Whether a leg is bought (long) or sold (short). */
public enum LegDirection {
    LONG,
    SHORT;

    /** +1 for long, -1 for short. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
