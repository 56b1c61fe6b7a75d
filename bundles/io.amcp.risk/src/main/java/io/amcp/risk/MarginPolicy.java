package io.amcp.risk;

import io.amcp.risk.internal.Checks;

/**
 * Margin rates as fractions of absolute market value, Reg-T style. Short rates include the 100% of
 * the short-sale proceeds that stay in the account (the Reg-T "150%" convention), so they are
 * compared with cash (which holds the proceeds) plus long market value.
 *
 * @param longInitial           initial requirement of long delta-one positions (Reg-T 0.50)
 * @param longMaintenance       maintenance requirement of long delta-one positions (FINRA 0.25)
 * @param shortInitial          initial requirement of short positions, proceeds included (1.50)
 * @param shortMaintenance      maintenance requirement of short positions, proceeds included (1.30)
 * @param longOptionRequirement requirement of long options, which cannot be bought on margin (1.00)
 */
public record MarginPolicy(double longInitial, double longMaintenance, double shortInitial, double shortMaintenance,
        double longOptionRequirement) {

    public MarginPolicy {
        Checks.nonNegative("longInitial", longInitial);
        Checks.nonNegative("longMaintenance", longMaintenance);
        Checks.nonNegative("shortInitial", shortInitial);
        Checks.nonNegative("shortMaintenance", shortMaintenance);
        Checks.nonNegative("longOptionRequirement", longOptionRequirement);
        if (longMaintenance > longInitial) {
            throw new IllegalArgumentException("longMaintenance: " + longMaintenance + " exceeds longInitial "
                    + longInitial);
        }
        if (shortMaintenance > shortInitial) {
            throw new IllegalArgumentException("shortMaintenance: " + shortMaintenance + " exceeds shortInitial "
                    + shortInitial);
        }
    }

    /** Custom rates. */
    public static MarginPolicy of(double longInitial, double longMaintenance, double shortInitial,
            double shortMaintenance, double longOptionRequirement) {
        return new MarginPolicy(longInitial, longMaintenance, shortInitial, shortMaintenance, longOptionRequirement);
    }

    /** Reg-T initial 50% long / 150% short, FINRA maintenance 25% long / 130% short, long options 100%. */
    public static MarginPolicy regT() {
        return new MarginPolicy(0.50, 0.25, 1.50, 1.30, 1.00);
    }
}
