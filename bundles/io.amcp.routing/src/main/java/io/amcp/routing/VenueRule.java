package io.amcp.routing;

import io.amcp.api.model.AssetClass;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where one venue may be used and what it costs.
 *
 * @param venue        the broker connector id ({@link io.amcp.api.spi.BrokerConnector#id()})
 * @param assetClasses the asset classes it may receive
 * @param feeBps       its all-in cost in basis points of notional (commission, exchange and clearing
 *                     fees): cheaper venues are preferred; ties keep the configured order
 */
public record VenueRule(String venue, Set<AssetClass> assetClasses, double feeBps) {

    public VenueRule {
        if (venue == null || venue.isBlank()) {
            throw new IllegalArgumentException("venue: is required");
        }
        if (assetClasses == null || assetClasses.isEmpty()) {
            throw new IllegalArgumentException("assetClasses: at least one is required for venue " + venue);
        }
        assetClasses = Set.copyOf(assetClasses);
        if (!(feeBps >= 0)) {
            throw new IllegalArgumentException("feeBps: must be >= 0 for venue " + venue + ", was " + feeBps);
        }
    }

    public static VenueRule of(String venue, Set<AssetClass> assetClasses, double feeBps) {
        return new VenueRule(venue, assetClasses, feeBps);
    }

    /**
     * Parses {@code <venue>:<asset classes>:<fee bps>}, e.g. {@code paper:EQUITY,ETF,CRYPTO:0.5}; asset
     * class {@code *} means all. Errors name {@code field} and the part at fault.
     */
    public static VenueRule parse(String field, String text) {
        Objects.requireNonNull(text, field);
        String[] parts = text.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException(field + ": expected <venue>:<asset classes>:<fee bps>, was '" + text + "'");
        }
        Set<AssetClass> classes = EnumSet.noneOf(AssetClass.class);
        for (String c : parts[1].split(",")) {
            String name = c.trim().toUpperCase(Locale.ROOT);
            if (name.equals("*")) {
                classes.addAll(EnumSet.allOf(AssetClass.class));
                continue;
            }
            try {
                classes.add(AssetClass.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": unknown asset class '" + c.trim() + "' in '" + text
                        + "' (expected EQUITY, ETF, OPTION, CRYPTO or *)", e);
            }
        }
        double fee;
        try {
            fee = Double.parseDouble(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": fee bps must be a number in '" + text + "'", e);
        }
        try {
            return new VenueRule(parts[0].trim(), classes, fee);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /** Whether this venue may receive {@code assetClass}. */
    public boolean accepts(AssetClass assetClass) {
        return assetClasses.contains(assetClass);
    }
}
