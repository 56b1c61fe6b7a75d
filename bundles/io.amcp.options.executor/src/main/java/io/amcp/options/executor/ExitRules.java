package io.amcp.options.executor;

/**
 * How an open structure is managed; checked by {@link OptionsExecutor#manage} on every chain, in this
 * order: settlement on the expiration date of the nearest leg, then roll, then close before expiry,
 * then stop, then profit target.
 *
 * <p>Profit and loss are per structure unit at chain mids: {@code pnl = entryPremium - closeCost},
 * where the entry premium is what the opening fills received (negative for a debit) and the close
 * cost what buying back the short legs and selling the long legs would pay at mid. The max profit
 * of a credit structure is its credit; for a debit structure (calendars), whose max profit has no
 * closed form, the debit paid is the basis of the target.
 *
 * @param profitTarget          close when pnl &gt;= profitTarget x max profit; e.g. 0.5; 0 disables
 * @param stopMultiple          close when the loss &gt;= stopMultiple x |entry premium|; e.g. 2; 0 disables
 * @param rollDaysBeforeExpiry  close with reason {@link ExitReason#ROLL} this many calendar days before
 *                              the nearest expiry (the strategy reopens); -1 disables
 * @param closeDaysBeforeExpiry close this many calendar days before the nearest expiry; -1 disables
 *                              (the structure is then settled on its expiration date per {@code settlement})
 * @param priceConcession       where in the spread the limit of each leg sits: 0 = mid, 1 = the touch
 *                              (buy at the ask, sell at the bid); in [0, 1], never worse than the touch
 * @param settlement            how legs still open on their expiration date are settled: cash at
 *                              intrinsic value, or exercise and assignment into the underlying
 */
public record ExitRules(double profitTarget, double stopMultiple, int rollDaysBeforeExpiry, int closeDaysBeforeExpiry,
        double priceConcession, ExpirySettlement settlement) {

    public ExitRules {
        if (settlement == null) {
            throw new IllegalArgumentException("settlement: must be CASH or PHYSICAL, was null");
        }
        if (!(profitTarget >= 0)) {
            throw new IllegalArgumentException("profitTarget: must be >= 0, was " + profitTarget);
        }
        if (!(stopMultiple >= 0)) {
            throw new IllegalArgumentException("stopMultiple: must be >= 0, was " + stopMultiple);
        }
        if (rollDaysBeforeExpiry < -1) {
            throw new IllegalArgumentException("rollDaysBeforeExpiry: must be >= -1, was " + rollDaysBeforeExpiry);
        }
        if (closeDaysBeforeExpiry < -1) {
            throw new IllegalArgumentException("closeDaysBeforeExpiry: must be >= -1, was " + closeDaysBeforeExpiry);
        }
        if (!(priceConcession >= 0 && priceConcession <= 1)) {
            throw new IllegalArgumentException("priceConcession: must be in [0, 1], was " + priceConcession);
        }
    }

    /** Rules from their five numbers, settling in cash at expiry ({@link ExpirySettlement#CASH}). */
    public static ExitRules of(double profitTarget, double stopMultiple, int rollDaysBeforeExpiry,
            int closeDaysBeforeExpiry, double priceConcession) {
        return of(profitTarget, stopMultiple, rollDaysBeforeExpiry, closeDaysBeforeExpiry, priceConcession,
                ExpirySettlement.CASH);
    }

    /** Rules from all their fields. */
    public static ExitRules of(double profitTarget, double stopMultiple, int rollDaysBeforeExpiry,
            int closeDaysBeforeExpiry, double priceConcession, ExpirySettlement settlement) {
        return new ExitRules(profitTarget, stopMultiple, rollDaysBeforeExpiry, closeDaysBeforeExpiry, priceConcession,
                settlement);
    }

    /** These rules with another expiry settlement. */
    public ExitRules withSettlement(ExpirySettlement newSettlement) {
        return of(profitTarget, stopMultiple, rollDaysBeforeExpiry, closeDaysBeforeExpiry, priceConcession, newSettlement);
    }
}
