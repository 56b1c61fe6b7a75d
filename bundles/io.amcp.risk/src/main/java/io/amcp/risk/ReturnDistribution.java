package io.amcp.risk;

/**
 * Distribution of the Monte Carlo innovations.
 *
 * @param degreesOfFreedom {@code Double.POSITIVE_INFINITY} for normal innovations; otherwise the
 *                         degrees of freedom (> 2) of a multivariate Student-t scaled to the same
 *                         covariance (one chi-square mixing draw per path, fatter joint tails)
 */
public record ReturnDistribution(double degreesOfFreedom) {

    public ReturnDistribution {
        if (!(degreesOfFreedom > 2.0)) {
            throw new IllegalArgumentException("degreesOfFreedom: must exceed 2 (finite variance), was "
                    + degreesOfFreedom);
        }
    }

    /** Normal innovations. */
    public static ReturnDistribution normal() {
        return new ReturnDistribution(Double.POSITIVE_INFINITY);
    }

    /** Student-t innovations with {@code degreesOfFreedom} (> 2) degrees of freedom. */
    public static ReturnDistribution studentT(double degreesOfFreedom) {
        return new ReturnDistribution(degreesOfFreedom);
    }

    /** Whether the innovations are normal. */
    public boolean isNormal() {
        return degreesOfFreedom == Double.POSITIVE_INFINITY;
    }
}
