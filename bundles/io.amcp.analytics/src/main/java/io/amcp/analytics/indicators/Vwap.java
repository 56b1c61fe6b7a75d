package io.amcp.analytics.indicators;

/**
 * Volume-weighted average price of the typical price {@code (high + low + close) / 3}:
 * {@code sum(typical * volume) / sum(volume)}, either over every bar since the last {@link #reset()}
 * ({@link #cumulative()}; call {@code reset()} at each session start for a session VWAP) or over the
 * last {@code period} bars ({@link #rolling(int)}, the definition of ta4j 0.17's {@code VWAPIndicator}).
 * {@link Double#NaN} while the summed volume is zero.
 *
 * <p>The cumulative sums are compensated (Kahan), the rolling ones are recomputed from their ring
 * buffers once every {@code period} bars.
 */
public final class Vwap implements BarIndicator {

    private final Window weighted;
    private final Window volumes;
    private long count;
    private double priceVolume;
    private double priceVolumeCarry;
    private double volume;
    private double volumeCarry;
    private double value = Double.NaN;

    private Vwap(Window weighted, Window volumes) {
        this.weighted = weighted;
        this.volumes = volumes;
    }

    /** VWAP over every bar since construction or the last {@link #reset()}. */
    public static Vwap cumulative() {
        return new Vwap(null, null);
    }

    /**
     * VWAP over the last {@code period} bars; ready after {@code period} bars.
     *
     * @throws IllegalArgumentException naming {@code period} when it is not positive
     */
    public static Vwap rolling(int period) {
        Checks.positive(period, "period");
        return new Vwap(new Window(period), new Window(period));
    }

    @Override
    public double update(double high, double low, double close, double volume) {
        count++;
        double typical = (high + low + close) / 3.0;
        double numerator;
        double denominator;
        if (weighted == null) {
            double y = typical * volume - priceVolumeCarry;
            double t = priceVolume + y;
            priceVolumeCarry = (t - priceVolume) - y;
            priceVolume = t;
            y = volume - volumeCarry;
            t = this.volume + y;
            volumeCarry = (t - this.volume) - y;
            this.volume = t;
            numerator = priceVolume;
            denominator = this.volume;
        } else {
            weighted.push(typical * volume);
            volumes.push(volume);
            numerator = weighted.sum();
            denominator = volumes.sum();
        }
        value = denominator == 0.0 ? Double.NaN : numerator / denominator;
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return weighted == null ? count > 0 : weighted.isFull();
    }

    @Override
    public long count() {
        return count;
    }

    /** Whether this VWAP runs over a fixed number of bars rather than since the last reset. */
    public boolean isRolling() {
        return weighted != null;
    }

    @Override
    public void reset() {
        if (weighted != null) {
            weighted.clear();
            volumes.clear();
        }
        count = 0;
        priceVolume = 0.0;
        priceVolumeCarry = 0.0;
        volume = 0.0;
        volumeCarry = 0.0;
        value = Double.NaN;
    }
}
