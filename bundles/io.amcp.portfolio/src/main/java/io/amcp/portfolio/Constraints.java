package io.amcp.portfolio;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The linear constraints every optimiser applies to a weight vector {@code w}. Unlimited
 * quantities are {@code Double.POSITIVE_INFINITY} (or negative infinity for lower limits); no
 * budget is {@code Double.NaN}. Start from {@link #longOnly(int)} or {@link #longShort(int, double)}
 * and refine with the {@code with...} methods; each returns a new value.
 *
 * <ul>
 *   <li>budget: {@code sum w = budget}</li>
 *   <li>bounds: {@code lower[i] <= w[i] <= upper[i]}; long-only means every lower bound is at least 0</li>
 *   <li>sector caps: {@code sum of w[i] over the sector <= cap} (net weight of the sector)</li>
 *   <li>turnover: {@code sum |w[i] - current[i]| <= turnoverLimit}</li>
 *   <li>gross exposure: {@code sum |w[i]| <= grossLimit}</li>
 *   <li>net exposure: {@code netMin <= sum w <= netMax}</li>
 * </ul>
 *
 * @param budget         required sum of weights, or NaN for none
 * @param lowerBounds    lowest weight per asset
 * @param upperBounds    highest weight per asset
 * @param sectorCaps     cap on the net weight of each named sector
 * @param currentWeights weights held now, which turnover is measured from
 * @param turnoverLimit  most turnover allowed, or +infinity
 * @param grossLimit     most gross exposure allowed, or +infinity
 * @param netMin         least net exposure, or -infinity
 * @param netMax         most net exposure, or +infinity
 */
public record Constraints(double budget, double[] lowerBounds, double[] upperBounds, Map<String, Double> sectorCaps,
        double[] currentWeights, double turnoverLimit, double grossLimit, double netMin, double netMax) {

    public Constraints {
        Objects.requireNonNull(sectorCaps, "sectorCaps");
        if (Double.isInfinite(budget)) {
            throw new IllegalArgumentException("budget: must be finite or NaN (none), was " + budget);
        }
        if (lowerBounds == null || upperBounds == null) {
            throw new IllegalArgumentException((lowerBounds == null ? "lowerBounds" : "upperBounds") + ": must not be null");
        }
        if (lowerBounds.length == 0 || lowerBounds.length != upperBounds.length) {
            throw new IllegalArgumentException("upperBounds: expected " + lowerBounds.length + " entries, was "
                    + upperBounds.length);
        }
        lowerBounds = lowerBounds.clone();
        upperBounds = upperBounds.clone();
        for (int i = 0; i < lowerBounds.length; i++) {
            if (Double.isNaN(lowerBounds[i]) || Double.isNaN(upperBounds[i]) || lowerBounds[i] > upperBounds[i]) {
                throw new IllegalArgumentException("lowerBounds: entry " + i + " (" + lowerBounds[i]
                        + ") must not exceed upperBounds (" + upperBounds[i] + ")");
            }
        }
        sectorCaps = new TreeMap<>(sectorCaps);
        sectorCaps.forEach((sector, cap) -> {
            if (cap == null || Double.isNaN(cap)) {
                throw new IllegalArgumentException("sectorCaps: cap of sector " + sector + " is not a number");
            }
        });
        sectorCaps = Map.copyOf(sectorCaps);
        currentWeights = Matrices.copyVector(currentWeights, "currentWeights", lowerBounds.length);
        if (!(turnoverLimit >= 0)) {
            throw new IllegalArgumentException("turnoverLimit: must be >= 0, was " + turnoverLimit);
        }
        if (!(grossLimit > 0)) {
            throw new IllegalArgumentException("grossLimit: must be > 0, was " + grossLimit);
        }
        if (Double.isNaN(netMin) || Double.isNaN(netMax) || netMin > netMax) {
            throw new IllegalArgumentException("netMin: " + netMin + " must not exceed netMax " + netMax);
        }
    }

    /** Fully invested ({@code sum w = 1}), {@code 0 <= w[i] <= 1}, no other limit, starting from cash. */
    public static Constraints longOnly(int assets) {
        checkAssets(assets);
        double[] upper = new double[assets];
        Arrays.fill(upper, 1);
        return new Constraints(1, new double[assets], upper, Map.of(), new double[assets],
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Budget 1, {@code -maxAbsWeight <= w[i] <= maxAbsWeight}, no exposure limit until set with
     * {@link #withGrossLimit(double)}.
     */
    public static Constraints longShort(int assets, double maxAbsWeight) {
        checkAssets(assets);
        if (!(maxAbsWeight > 0)) {
            throw new IllegalArgumentException("maxAbsWeight: must be > 0, was " + maxAbsWeight);
        }
        double[] lower = new double[assets];
        double[] upper = new double[assets];
        Arrays.fill(lower, -maxAbsWeight);
        Arrays.fill(upper, maxAbsWeight);
        return new Constraints(1, lower, upper, Map.of(), new double[assets], Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** No constraint at all: no budget, unbounded weights (closed-form mean-variance problems). */
    public static Constraints unconstrained(int assets) {
        checkAssets(assets);
        double[] lower = new double[assets];
        double[] upper = new double[assets];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        return new Constraints(Double.NaN, lower, upper, Map.of(), new double[assets], Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private static void checkAssets(int assets) {
        if (assets <= 0) {
            throw new IllegalArgumentException("assets: must be positive, was " + assets);
        }
    }

    /** Number of assets these constraints are for. */
    public int assets() {
        return lowerBounds.length;
    }

    /** True when no weight may be negative. */
    public boolean isLongOnly() {
        return Arrays.stream(lowerBounds).allMatch(b -> b >= 0);
    }

    /** True when a budget applies. */
    public boolean hasBudget() {
        return !Double.isNaN(budget);
    }

    @Override
    public double[] lowerBounds() {
        return lowerBounds.clone();
    }

    @Override
    public double[] upperBounds() {
        return upperBounds.clone();
    }

    @Override
    public double[] currentWeights() {
        return currentWeights.clone();
    }

    /** With another budget (NaN for none). */
    public Constraints withBudget(double newBudget) {
        return new Constraints(newBudget, lowerBounds, upperBounds, sectorCaps, currentWeights, turnoverLimit,
                grossLimit, netMin, netMax);
    }

    /** With the same bounds for every asset. */
    public Constraints withBounds(double lower, double upper) {
        double[] lo = new double[assets()];
        double[] hi = new double[assets()];
        Arrays.fill(lo, lower);
        Arrays.fill(hi, upper);
        return withBounds(lo, hi);
    }

    /** With per-asset bounds. */
    public Constraints withBounds(double[] lower, double[] upper) {
        if (lower == null || lower.length != assets()) {
            throw new IllegalArgumentException("lowerBounds: expected " + assets() + " entries");
        }
        return new Constraints(budget, lower, upper, sectorCaps, currentWeights, turnoverLimit, grossLimit, netMin,
                netMax);
    }

    /** With a cap on the net weight of a sector (replacing an earlier cap on it). */
    public Constraints withSectorCap(String sector, double cap) {
        Objects.requireNonNull(sector, "sector");
        Map<String, Double> caps = new TreeMap<>(sectorCaps);
        caps.put(sector, cap);
        return new Constraints(budget, lowerBounds, upperBounds, caps, currentWeights, turnoverLimit, grossLimit,
                netMin, netMax);
    }

    /** With the weights held now and the most turnover {@code sum |w - current|} allowed. */
    public Constraints withTurnoverLimit(double[] current, double limit) {
        return new Constraints(budget, lowerBounds, upperBounds, sectorCaps, current, limit, grossLimit, netMin,
                netMax);
    }

    /** With the weights held now (turnover is reported against them) and no turnover limit. */
    public Constraints withCurrentWeights(double[] current) {
        return withTurnoverLimit(current, turnoverLimit);
    }

    /** With a limit on gross exposure {@code sum |w|}. */
    public Constraints withGrossLimit(double limit) {
        return new Constraints(budget, lowerBounds, upperBounds, sectorCaps, currentWeights, turnoverLimit, limit,
                netMin, netMax);
    }

    /** With limits on net exposure {@code sum w}. */
    public Constraints withNetExposure(double min, double max) {
        return new Constraints(budget, lowerBounds, upperBounds, sectorCaps, currentWeights, turnoverLimit, grossLimit,
                min, max);
    }

    /** Turnover {@code sum |w - current|} of a weight vector. */
    public double turnover(double[] weights) {
        double sum = 0;
        for (int i = 0; i < currentWeights.length; i++) {
            sum += Math.abs(weights[i] - currentWeights[i]);
        }
        return sum;
    }

    /** Throws naming the field when these constraints do not fit {@code universe}. */
    public void checkFits(AssetUniverse universe) {
        if (universe.size() != assets()) {
            throw new IllegalArgumentException("constraints: built for " + assets() + " assets, universe has "
                    + universe.size());
        }
        for (String sector : sectorCaps.keySet()) {
            if (!universe.sectors().contains(sector)) {
                throw new IllegalArgumentException("sectorCaps: sector " + sector + " has no asset in the universe");
            }
        }
    }
}
