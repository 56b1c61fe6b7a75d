package io.amcp.ai.features;

import io.amcp.api.model.BarSeries;
import java.util.Objects;

/**
 * The triple-barrier labelling method (M. Lopez de Prado, <i>Advances in Financial Machine Learning</i>,
 * 2018, section 3.4). At each bar {@code t} with volatility {@code sigma_t} (the sample standard
 * deviation, divisor {@code n - 1}, of the last {@code volatilityWindow} one-bar log returns up to
 * {@code t}), the path {@code r_j = ln(C_j / C_t)} for {@code j = t+1 ... t+verticalBars} is scanned:
 * the first {@code j} with {@code r_j >= profitTake * sigma_t} labels {@code +1}, the first with
 * {@code r_j <= -stopLoss * sigma_t} labels {@code -1}, and when neither is touched by
 * {@code t + verticalBars} the vertical barrier labels {@code 0} with touch time {@code t + verticalBars}.
 * A multiple of 0 disables that horizontal barrier. Bars without a volatility yet, or whose window
 * runs past the series end untouched, are unlabelled.
 *
 * @param profitTake       upper barrier in multiples of sigma, 0 for none
 * @param stopLoss         lower barrier in multiples of sigma, 0 for none
 * @param verticalBars     maximum holding period in bars, positive
 * @param volatilityWindow number of returns in sigma, at least 2
 */
public record TripleBarrier(double profitTake, double stopLoss, int verticalBars, int volatilityWindow) {

    public TripleBarrier {
        if (!(profitTake >= 0.0) || Double.isInfinite(profitTake)) {
            throw new IllegalArgumentException("profitTake: must be finite and not negative, got " + profitTake);
        }
        if (!(stopLoss >= 0.0) || Double.isInfinite(stopLoss)) {
            throw new IllegalArgumentException("stopLoss: must be finite and not negative, got " + stopLoss);
        }
        if (verticalBars <= 0) {
            throw new IllegalArgumentException("verticalBars: must be positive, got " + verticalBars);
        }
        if (volatilityWindow < 2) {
            throw new IllegalArgumentException("volatilityWindow: must be at least 2, got " + volatilityWindow);
        }
    }

    /** A triple barrier; see the record components. */
    public static TripleBarrier of(double profitTake, double stopLoss, int verticalBars, int volatilityWindow) {
        return new TripleBarrier(profitTake, stopLoss, verticalBars, volatilityWindow);
    }

    /** Labels every bar of {@code series} by its closes. */
    public TripleBarrierLabels label(BarSeries series) {
        return label(Objects.requireNonNull(series, "series").closesAsDouble());
    }

    /**
     * Labels every bar of a close series.
     *
     * @throws IllegalArgumentException naming {@code close} when a close is not positive and finite
     */
    public TripleBarrierLabels label(double[] close) {
        double[] logs = ForwardReturns.logCloses(close);
        int n = logs.length;
        double[] label = new double[n];
        int[] touch = new int[n];
        double[] touchReturn = new double[n];
        double[] sigma = new double[n];
        for (int t = 0; t < n; t++) {
            label[t] = Double.NaN;
            touch[t] = -1;
            touchReturn[t] = Double.NaN;
            sigma[t] = volatility(logs, t);
            if (Double.isNaN(sigma[t])) {
                continue;
            }
            double upper = profitTake > 0.0 ? profitTake * sigma[t] : Double.POSITIVE_INFINITY;
            double lower = stopLoss > 0.0 ? -stopLoss * sigma[t] : Double.NEGATIVE_INFINITY;
            int last = t + verticalBars;
            for (int j = t + 1; j <= last && j < n; j++) {
                double r = logs[j] - logs[t];
                if (r >= upper || r <= lower) {
                    label[t] = r >= upper ? 1.0 : -1.0;
                    touch[t] = j;
                    touchReturn[t] = r;
                    break;
                }
            }
            if (touch[t] < 0 && last < n) {
                label[t] = 0.0;
                touch[t] = last;
                touchReturn[t] = logs[last] - logs[t];
            }
        }
        return new TripleBarrierLabels(label, touch, touchReturn, sigma);
    }

    private double volatility(double[] logs, int t) {
        int w = volatilityWindow;
        if (t < w) {
            return Double.NaN;
        }
        double mean = (logs[t] - logs[t - w]) / w;
        double squares = 0.0;
        for (int i = t - w + 1; i <= t; i++) {
            double d = logs[i] - logs[i - 1] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (w - 1));
    }
}
