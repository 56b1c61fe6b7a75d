package io.amcp.ai.features;

import io.amcp.api.model.BarSeries;
import java.util.Objects;

/**
 * Forward log-return labels: {@code ln(C_(t+h) / C_t)} at bar {@code t} for horizon {@code h}, NaN on
 * the last {@code h} bars where the future close is not in the series. Labels look ahead by design:
 * never feed them to a {@link FeatureEngine}.
 */
public final class ForwardReturns {

    private ForwardReturns() {
    }

    /**
     * @param close   closes, positive
     * @param horizon bars ahead, positive
     * @return one label per close
     * @throws IllegalArgumentException naming {@code horizon} or {@code close} when invalid
     */
    public static double[] of(double[] close, int horizon) {
        Objects.requireNonNull(close, "close");
        if (horizon <= 0) {
            throw new IllegalArgumentException("horizon: must be positive, got " + horizon);
        }
        double[] logs = logCloses(close);
        int n = logs.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i + horizon < n ? logs[i + horizon] - logs[i] : Double.NaN;
        }
        return out;
    }

    /**
     * Forward log returns of a series' closes at several horizons.
     *
     * @return {@code out[k]} holds the labels for {@code horizons[k]}
     */
    public static double[][] of(BarSeries series, int... horizons) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(horizons, "horizons");
        double[] close = series.closesAsDouble();
        double[][] out = new double[horizons.length][];
        for (int k = 0; k < horizons.length; k++) {
            out[k] = of(close, horizons[k]);
        }
        return out;
    }

    /**
     * The natural logarithms of closes, the log prices every label is measured in.
     *
     * @throws IllegalArgumentException naming {@code close} and the index when a close is not positive
     *                                  and finite
     */
    static double[] logCloses(double[] close) {
        Objects.requireNonNull(close, "close");
        double[] logs = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            if (!(close[i] > 0.0) || Double.isInfinite(close[i])) {
                throw new IllegalArgumentException("close: must be positive and finite, got " + close[i] + " at " + i);
            }
            logs[i] = Math.log(close[i]);
        }
        return logs;
    }
}
