package io.amcp.execution;

import java.util.Objects;

/**
 * The planned trajectory of a parent order: the fraction of its quantity meant to be executed by a
 * given time, 0 at the start and 1 at the end. The schedule-driven algorithms (TWAP, VWAP,
 * implementation shortfall) trade towards it; the TCA report draws it beside what was executed.
 */
@FunctionalInterface
public interface ExecutionSchedule {

    /** Fraction in [0, 1] of the parent to be done by {@code time} (nanoseconds since the epoch). */
    double plannedFraction(long time);

    /** Even over {@code [start, end]}: TWAP's trajectory (before rounding to slices). */
    static ExecutionSchedule linear(long start, long end) {
        requireInterval(start, end);
        return t -> t <= start ? 0 : t >= end ? 1 : (t - start) / (double) (end - start);
    }

    /** In step with the expected volume of {@code profile} over {@code [start, end]}: VWAP's trajectory. */
    static ExecutionSchedule volume(VolumeProfile profile, long start, long end) {
        Objects.requireNonNull(profile, "profile");
        requireInterval(start, end);
        double total = profile.expectedShare(start, end);
        if (total <= 0) {
            throw new IllegalArgumentException("profile: expects no volume between start_time and end_time");
        }
        return t -> t <= start ? 0 : t >= end ? 1 : profile.expectedShare(start, t) / total;
    }

    /**
     * Almgren-Chriss optimal liquidation (Almgren and Chriss, "Optimal execution of portfolio
     * transactions", 2000): holdings {@code x(t) = X sinh(kappa (T - t)) / sinh(kappa T)}, so the
     * executed fraction is {@code 1 - sinh(u (1 - s)) / sinh(u)} with {@code s = (t - start) / T}
     * and urgency {@code u = kappa T}. {@code kappa = sqrt(lambda sigma^2 / eta)} grows with risk
     * aversion {@code lambda} and volatility and falls with temporary impact {@code eta}; urgency 0
     * is the risk-neutral straight line (TWAP), larger urgency front-loads.
     */
    static ExecutionSchedule almgrenChriss(long start, long end, double urgency) {
        requireInterval(start, end);
        if (!(urgency >= 0) || !Double.isFinite(urgency)) {
            throw new IllegalArgumentException("urgency: must be a finite number >= 0, was " + urgency);
        }
        if (urgency < 1e-9) {
            return linear(start, end);
        }
        double sinhU = Math.sinh(urgency);
        return t -> {
            if (t <= start) {
                return 0;
            }
            if (t >= end) {
                return 1;
            }
            double s = (t - start) / (double) (end - start);
            return 1 - Math.sinh(urgency * (1 - s)) / sinhU;
        };
    }

    private static void requireInterval(long start, long end) {
        if (end <= start) {
            throw new IllegalArgumentException("end_time: must be after start_time");
        }
    }
}
