package io.amcp.options.chain;

/**
 * How a synthetic chain's implied volatility follows the underlying: the 30-day at-the-money
 * volatility is {@code max(floor, premium x realised(window))}, where realised is the close-to-close
 * volatility of {@link RealizedVolatility} over the closes seen so far (no look-ahead); the 7-day
 * and 90-day pillars are that times {@code shortTermRatio} and {@code longTermRatio}; the skew is
 * fixed. So implied volatility carries a variance premium over realised volatility that moves with
 * it, which is what volatility sellers harvest.
 *
 * @param window         realised-volatility window in daily returns, at least 2
 * @param premium        implied over realised ratio, positive
 * @param floor          lowest 30-day ATM volatility, positive
 * @param shortTermRatio 7-day ATM vol over 30-day, positive
 * @param longTermRatio  90-day ATM vol over 30-day, positive
 * @param skewSlope      see {@link VolatilitySurface}
 * @param skewCurvature  see {@link VolatilitySurface}
 */
public record SyntheticVolModel(int window, double premium, double floor, double shortTermRatio, double longTermRatio,
        double skewSlope, double skewCurvature) {

    public SyntheticVolModel {
        if (window < 2) {
            throw new IllegalArgumentException("window: must be at least 2, was " + window);
        }
        if (!(premium > 0)) {
            throw new IllegalArgumentException("premium: must be positive, was " + premium);
        }
        if (!(floor > 0)) {
            throw new IllegalArgumentException("floor: must be positive, was " + floor);
        }
        if (!(shortTermRatio > 0) || !(longTermRatio > 0)) {
            throw new IllegalArgumentException("shortTermRatio: term ratios must be positive, were " + shortTermRatio
                    + "/" + longTermRatio);
        }
    }

    /**
     * A 20-day window, 1.2 premium, 15% floor, inverted-to-flat term structure (1.1 / 1 / 0.95) and an
     * equity skew (slope -0.4, curvature 0.6).
     */
    public static SyntheticVolModel standard() {
        return new SyntheticVolModel(20, 1.2, 0.15, 1.1, 0.95, -0.4, 0.6);
    }

    /** The surface for a realised volatility. */
    public VolatilitySurface surface(double realized) {
        double atm30 = Math.max(floor, premium * realized);
        return VolatilitySurface.of(new double[] {7, 30, 90},
                new double[] {atm30 * shortTermRatio, atm30, atm30 * longTermRatio}, skewSlope, skewCurvature);
    }

    /** A rolling realised-volatility estimator with this model's window. */
    public RealizedVolatility newEstimator() {
        return new RealizedVolatility(window);
    }
}
