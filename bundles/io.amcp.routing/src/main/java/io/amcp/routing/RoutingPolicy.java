package io.amcp.routing;

import io.amcp.api.model.Quantity;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the smart router chooses venues.
 *
 * @param routerId          the router's own connector id, e.g. {@code smart}
 * @param rules             one rule per venue; empty = every connected venue takes every asset class at
 *                          no cost, in the order the venues were added
 * @param splitAbove        simple orders above this quantity are split across venues; null = never split
 * @param maxVenuesPerOrder at most this many venues share one split order (at least 2)
 * @param refusalCooldown   a venue whose connector refused an order (threw) is passed over for this
 *                          long on the kernel clock, even if it still reports itself online
 */
public record RoutingPolicy(String routerId, List<VenueRule> rules, Quantity splitAbove, int maxVenuesPerOrder,
        Duration refusalCooldown) {

    public RoutingPolicy {
        if (routerId == null || routerId.isBlank()) {
            throw new IllegalArgumentException("routerId: is required");
        }
        rules = List.copyOf(rules);
        Set<String> seen = new HashSet<>();
        for (VenueRule r : rules) {
            if (!seen.add(r.venue())) {
                throw new IllegalArgumentException("venueRules: venue " + r.venue() + " has two rules");
            }
            if (r.venue().equals(routerId)) {
                throw new IllegalArgumentException("venueRules: the router " + routerId + " cannot route to itself");
            }
        }
        if (splitAbove != null && !splitAbove.isPositive()) {
            throw new IllegalArgumentException("splitAbove: must be positive, was " + splitAbove);
        }
        if (maxVenuesPerOrder < 2) {
            throw new IllegalArgumentException("maxVenuesPerOrder: must be at least 2, was " + maxVenuesPerOrder);
        }
        if (refusalCooldown == null || refusalCooldown.isNegative()) {
            throw new IllegalArgumentException("refusalCooldownSeconds: must be >= 0, was " + refusalCooldown);
        }
    }

    /** Router {@code smart}, the given rules, no splitting, a refusing venue passed over for 30 seconds. */
    public static RoutingPolicy of(List<VenueRule> rules) {
        return new RoutingPolicy("smart", rules, null, 2, Duration.ofSeconds(30));
    }

    /** This policy splitting orders above {@code quantity} across at most {@code venues} venues. */
    public RoutingPolicy splittingAbove(Quantity quantity, int venues) {
        return new RoutingPolicy(routerId, rules, quantity, venues, refusalCooldown);
    }
}
