package io.amcp.analytics.indicators;

/**
 * Bollinger bands: middle band the simple moving average of the last {@code period} prices, upper and
 * lower bands {@code middle +/- k * sigma} with sigma the population standard deviation (divide by
 * {@code period}, as Bollinger and ta4j 0.17's {@code StandardDeviationIndicator} do) of the same
 * prices. Defaults 20 and 2. Ready after {@code period} prices; {@link #value()} is the middle band.
 *
 * <p>The window's mean and sum of squared deviations are updated in O(1) with the rolling form of
 * Welford's update ({@code M2 += (x - old) * (x - newMean + old - oldMean)}), which does not cancel
 * the way {@code sum(x^2) - n * mean^2} does, and are recomputed exactly (two passes) once every
 * {@code period} updates so rounding cannot build up over long series.
 */
public final class BollingerBands implements PriceIndicator {

    private final double[] window;
    private final double k;
    private int next;
    private int size;
    private int sinceRecompute;
    private long count;
    private double mean;
    private double m2;
    private double deviation = Double.NaN;
    private double middle = Double.NaN;

    private BollingerBands(int period, double k) {
        this.window = new double[Checks.positive(period, "period")];
        if (!(k >= 0.0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be a finite non-negative number, got " + k);
        }
        this.k = k;
    }

    /** Bollinger bands (20, 2). */
    public static BollingerBands standard() {
        return of(20, 2.0);
    }

    /**
     * @param period number of prices, positive
     * @param k      band width in standard deviations, finite and non-negative
     * @throws IllegalArgumentException naming {@code period} or {@code k} when out of range
     */
    public static BollingerBands of(int period, double k) {
        return new BollingerBands(period, k);
    }

    @Override
    public double update(double price) {
        count++;
        int period = window.length;
        if (size < period) {
            window[next] = price;
            size++;
            double delta = price - mean;
            mean += delta / size;
            m2 += delta * (price - mean);
        } else {
            double old = window[next];
            window[next] = price;
            if (++sinceRecompute == period) {
                sinceRecompute = 0;
                recompute();
            } else {
                double delta = price - old;
                double newMean = mean + delta / period;
                m2 += delta * (price - newMean + old - mean);
                mean = newMean;
            }
        }
        next = next + 1 == period ? 0 : next + 1;
        if (size == period) {
            middle = mean;
            deviation = Math.sqrt(m2 > 0.0 ? m2 / period : 0.0);
        }
        return middle;
    }

    private void recompute() {
        int period = window.length;
        double sum = 0.0;
        for (int i = 0; i < period; i++) {
            sum += window[i];
        }
        double m = sum / period;
        double squares = 0.0;
        for (int i = 0; i < period; i++) {
            double d = window[i] - m;
            squares += d * d;
        }
        mean = m;
        m2 = squares;
    }

    /** The middle band, the simple moving average. */
    @Override
    public double value() {
        return middle;
    }

    /** The middle band, the simple moving average. */
    public double middle() {
        return middle;
    }

    /** The upper band, {@code middle + k * sigma}. */
    public double upper() {
        return middle + k * deviation;
    }

    /** The lower band, {@code middle - k * sigma}. */
    public double lower() {
        return middle - k * deviation;
    }

    /** The population standard deviation sigma of the window. */
    public double standardDeviation() {
        return deviation;
    }

    @Override
    public boolean isReady() {
        return size == window.length;
    }

    @Override
    public long count() {
        return count;
    }

    public int period() {
        return window.length;
    }

    public double k() {
        return k;
    }

    @Override
    public void reset() {
        next = 0;
        size = 0;
        sinceRecompute = 0;
        count = 0;
        mean = 0.0;
        m2 = 0.0;
        deviation = Double.NaN;
        middle = Double.NaN;
    }
}
