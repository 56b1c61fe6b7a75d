package io.amcp.surveillance;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Thresholds of the post-trade analysis.
 *
 * @param washWindow         how close in time a buy and a sell must be to count as a wash trade
 * @param washPriceTolerance relative price difference still counted as "the same price" (0.0001 = 1 bp)
 * @param spoofCancelWithin  a large order canceled within this time of its placement is suspect
 * @param spoofSizeRatio     "large": at least this many times the quantity of the opposite-side fill
 * @param maxOrderToTrade    most orders per filled order a strategy may send
 * @param minOrdersForRatio  the ratio is judged only from this many orders on
 * @param restricted         symbols nobody may trade
 */
public record SurveillanceSettings(Duration washWindow, double washPriceTolerance, Duration spoofCancelWithin,
        double spoofSizeRatio, double maxOrderToTrade, int minOrdersForRatio, Set<String> restricted) {

    /** One minute, 1 bp, 5 s, 5x, 20 orders per trade from 50 orders on, nothing restricted. */
    public static final SurveillanceSettings DEFAULTS = new SurveillanceSettings(Duration.ofMinutes(1), 1e-4,
            Duration.ofSeconds(5), 5, 20, 50, Set.of());

    public SurveillanceSettings {
        Objects.requireNonNull(washWindow, "washWindow");
        Objects.requireNonNull(spoofCancelWithin, "spoofCancelWithin");
        if (washWindow.isNegative()) {
            throw new IllegalArgumentException("washWindow: must not be negative, was " + washWindow);
        }
        if (!(washPriceTolerance >= 0)) {
            throw new IllegalArgumentException("washPriceTolerance: must be >= 0, was " + washPriceTolerance);
        }
        if (!(spoofSizeRatio >= 1)) {
            throw new IllegalArgumentException("spoofSizeRatio: must be >= 1, was " + spoofSizeRatio);
        }
        if (!(maxOrderToTrade > 0)) {
            throw new IllegalArgumentException("maxOrderToTrade: must be positive, was " + maxOrderToTrade);
        }
        if (minOrdersForRatio < 1) {
            throw new IllegalArgumentException("minOrdersForRatio: must be at least 1, was " + minOrdersForRatio);
        }
        restricted = Set.copyOf(restricted);
    }

    /** These settings with another restricted list. */
    public SurveillanceSettings withRestricted(Set<String> symbols) {
        return new SurveillanceSettings(washWindow, washPriceTolerance, spoofCancelWithin, spoofSizeRatio,
                maxOrderToTrade, minOrdersForRatio, symbols);
    }
}
