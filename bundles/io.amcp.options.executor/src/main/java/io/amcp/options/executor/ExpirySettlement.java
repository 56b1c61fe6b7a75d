package io.amcp.options.executor;

/**
 * How {@link OptionsExecutor} settles the legs of a structure still open on their expiration date.
 * In both modes a leg is in the money when its intrinsic value at the chain's spot (the underlying's
 * price the expiration date's chain was built from: its close in the backtests) is at least
 * {@link OptionsExecutor#EXERCISE_THRESHOLD} ($0.01), the OCC's exercise-by-exception threshold.
 */
public enum ExpirySettlement {
    /**
     * Cash settlement at intrinsic value, as for index options: every expiring leg is closed at its
     * settlement quote and no underlying changes hands.
     */
    CASH,
    /**
     * Physical settlement, as for US equity and ETF options: in-the-money legs are exercised (long) or
     * assigned (short) into the underlying at the strike, out-of-the-money legs expire; the deliveries
     * of one structure's legs are netted into one underlying trade. See {@link OptionsExecutor} for
     * how this is booked.
     */
    PHYSICAL
}
