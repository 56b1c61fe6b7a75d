package io.amcp.analytics.indicators;

/**
 * Granville's on-balance volume: starts at 0 on the first bar, then adds the bar's volume when the
 * close rose, subtracts it when the close fell, and keeps it when the close is unchanged (as ta4j
 * 0.17's {@code OnBalanceVolumeIndicator}). Ready from the first bar; high and low are ignored.
 */
public final class OnBalanceVolume implements BarIndicator {

    private long count;
    private double previousClose;
    private double value = Double.NaN;

    private OnBalanceVolume() {
    }

    public static OnBalanceVolume create() {
        return new OnBalanceVolume();
    }

    /** Takes the next bar's close and volume. */
    public double update(double close, double volume) {
        if (count == 0) {
            value = 0.0;
        } else if (close > previousClose) {
            value += volume;
        } else if (close < previousClose) {
            value -= volume;
        }
        count++;
        previousClose = close;
        return value;
    }

    @Override
    public double update(double high, double low, double close, double volume) {
        return update(close, volume);
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean isReady() {
        return count > 0;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void reset() {
        count = 0;
        previousClose = 0.0;
        value = Double.NaN;
    }
}
