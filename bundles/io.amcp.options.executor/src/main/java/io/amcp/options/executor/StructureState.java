package io.amcp.options.executor;

/** Where a structure is in its life. */
public enum StructureState {
    /** Opening legs working. */
    OPENING,
    /** Every opening leg filled. */
    OPEN,
    /** Closing legs working. */
    CLOSING,
    /** Every leg closed. Terminal. */
    CLOSED
}
