package io.amcp.execution;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;

/**
 * What the market-impact estimate needs to know about an instrument.
 *
 * @param averageDailyVolume average volume per day (units)
 * @param dailyVolatility    standard deviation of daily returns (0.02 = 2%)
 */
public record MarketConditions(double averageDailyVolume, double dailyVolatility) {

    private static final double DAY_NANOS = 86_400e9;

    public MarketConditions {
        if (!(averageDailyVolume > 0)) {
            throw new IllegalArgumentException("averageDailyVolume: must be positive, was " + averageDailyVolume);
        }
        if (!(dailyVolatility >= 0)) {
            throw new IllegalArgumentException("dailyVolatility: must be >= 0, was " + dailyVolatility);
        }
    }

    /**
     * Estimates both from intraday or daily bars: volume per day over the span the bars cover, and the
     * standard deviation of bar-to-bar log returns scaled by the square root of bars per day.
     */
    public static MarketConditions fromBars(BarSeries bars) {
        int n = bars.size();
        if (n < 3) {
            throw new IllegalArgumentException("bars: need at least 3 bars, have " + n);
        }
        long[] time = bars.time();
        double step = (time[n - 1] - time[0]) / (double) (n - 1);
        double days = n * step / DAY_NANOS;
        double volume = 0;
        for (long v : bars.volume()) {
            volume += FixedPoint.toDouble(v);
        }
        long[] close = bars.close();
        double sum = 0;
        double sumSq = 0;
        for (int i = 1; i < n; i++) {
            double r = Math.log((double) close[i] / close[i - 1]);
            sum += r;
            sumSq += r * r;
        }
        int m = n - 1;
        double variance = (sumSq - sum * sum / m) / (m - 1);
        double barsPerDay = n / days;
        return new MarketConditions(volume / days, Math.sqrt(Math.max(variance, 0) * barsPerDay));
    }
}
