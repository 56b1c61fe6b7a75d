package io.amcp.options.executor;

/** Why a structure was closed. */
public enum ExitReason {
    /** The profit reached the target fraction of max profit. */
    PROFIT_TARGET,
    /** The loss reached the stop multiple of the entry premium. */
    STOP_LOSS,
    /** Closed before expiry so that the strategy can open the next one. */
    ROLL,
    /** Closed a set number of days before expiry. */
    CLOSE_BEFORE_EXPIRY,
    /** Settled in cash at intrinsic value on the expiration date ({@link ExpirySettlement#CASH}). */
    EXPIRY_SETTLEMENT,
    /**
     * Held to the expiration date and settled physically ({@link ExpirySettlement#PHYSICAL}):
     * in-the-money legs exercised or assigned into the underlying, out-of-the-money legs expired.
     */
    EXERCISE_ASSIGNMENT,
    /** A leg was rejected, denied, canceled or expired while opening: the structure was unwound. */
    LEG_FAILED,
    /** Closed on the strategy's request. */
    REQUESTED
}
