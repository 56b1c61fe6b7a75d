package io.amcp.options.chain;

import java.util.Arrays;

/**
 * Implied volatility by days to expiry and strike.
 *
 * <p>Term structure: the at-the-money volatility {@code atm(d)} is interpolated linearly in days to
 * expiry between the pillars {@code (pillarDays[i], atmVols[i])} and held flat outside them. Skew:
 * with log-moneyness {@code m = ln(strike / spot)},
 * {@code vol(d, m) = atm(d) + skewSlope * m + skewCurvature * m^2}, floored at {@link #MIN_VOL}. A
 * negative slope makes puts below spot dearer than calls above it (the equity skew); a positive
 * curvature lifts both wings (the smile).
 *
 * @param pillarDays    days to expiry of the term-structure pillars, strictly increasing, positive
 * @param atmVols       at-the-money volatility at each pillar, positive decimals (0.25 = 25%)
 * @param skewSlope     d vol / d log-moneyness
 * @param skewCurvature d² vol / d log-moneyness², halved (the coefficient of m²)
 */
public record VolatilitySurface(double[] pillarDays, double[] atmVols, double skewSlope, double skewCurvature) {

    /** The lowest volatility the surface returns. */
    public static final double MIN_VOL = 0.01;

    public VolatilitySurface {
        if (pillarDays == null || atmVols == null || pillarDays.length == 0 || pillarDays.length != atmVols.length) {
            throw new IllegalArgumentException("pillarDays: needs at least one pillar and one atmVol per pillar");
        }
        pillarDays = pillarDays.clone();
        atmVols = atmVols.clone();
        for (int i = 0; i < pillarDays.length; i++) {
            if (!(pillarDays[i] > 0) || (i > 0 && pillarDays[i] <= pillarDays[i - 1])) {
                throw new IllegalArgumentException("pillarDays: must be positive and strictly increasing, was "
                        + Arrays.toString(pillarDays));
            }
            if (!(atmVols[i] > 0) || !Double.isFinite(atmVols[i])) {
                throw new IllegalArgumentException("atmVols[" + i + "]: must be positive, was " + atmVols[i]);
            }
        }
        if (!Double.isFinite(skewSlope)) {
            throw new IllegalArgumentException("skewSlope: must be finite, was " + skewSlope);
        }
        if (!Double.isFinite(skewCurvature)) {
            throw new IllegalArgumentException("skewCurvature: must be finite, was " + skewCurvature);
        }
    }

    /** A surface with one ATM volatility for every expiry. */
    public static VolatilitySurface flat(double atmVol, double skewSlope, double skewCurvature) {
        return new VolatilitySurface(new double[] {30}, new double[] {atmVol}, skewSlope, skewCurvature);
    }

    /** A surface from its pillars and skew. */
    public static VolatilitySurface of(double[] pillarDays, double[] atmVols, double skewSlope, double skewCurvature) {
        return new VolatilitySurface(pillarDays, atmVols, skewSlope, skewCurvature);
    }

    /** The at-the-money volatility {@code days} calendar days before expiry. */
    public double atm(double days) {
        int n = pillarDays.length;
        if (days <= pillarDays[0]) {
            return atmVols[0];
        }
        if (days >= pillarDays[n - 1]) {
            return atmVols[n - 1];
        }
        int i = 1;
        while (pillarDays[i] < days) {
            i++;
        }
        double w = (days - pillarDays[i - 1]) / (pillarDays[i] - pillarDays[i - 1]);
        return atmVols[i - 1] + w * (atmVols[i] - atmVols[i - 1]);
    }

    /** The volatility of a strike {@code days} before expiry when the underlying is at {@code spot}. */
    public double vol(double days, double spot, double strike) {
        double m = Math.log(strike / spot);
        return Math.max(MIN_VOL, atm(days) + skewSlope * m + skewCurvature * m * m);
    }

    /** The same skew over another term structure. */
    public VolatilitySurface withAtm(double[] newPillarDays, double[] newAtmVols) {
        return new VolatilitySurface(newPillarDays, newAtmVols, skewSlope, skewCurvature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolatilitySurface s && Arrays.equals(pillarDays, s.pillarDays)
                && Arrays.equals(atmVols, s.atmVols) && skewSlope == s.skewSlope && skewCurvature == s.skewCurvature;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pillarDays) + Arrays.hashCode(atmVols) + Double.hashCode(skewSlope)
                + 7 * Double.hashCode(skewCurvature);
    }

    @Override
    public String toString() {
        return "VolatilitySurface[pillarDays=" + Arrays.toString(pillarDays) + ", atmVols=" + Arrays.toString(atmVols)
                + ", skewSlope=" + skewSlope + ", skewCurvature=" + skewCurvature + "]";
    }
}
