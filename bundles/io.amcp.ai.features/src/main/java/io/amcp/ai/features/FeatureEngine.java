package io.amcp.ai.features;

import io.amcp.ai.features.internal.FeatureComputer;
import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Quote;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Computes the {@link FeatureRegistry#standard() standard features} of one instrument, bar by bar.
 *
 * <p>There is one code path: streaming ({@link #update(Bar, double[])}, one row per closed bar) and
 * batch ({@link #compute(BarSeries)}, which resets the engine and streams the whole series into a
 * {@link FeatureMatrix}) run the same update. A row at bar {@code t} depends only on bars up to
 * {@code t} and quotes up to bar {@code t}'s end, never on later data, and a feature is
 * {@link Double#NaN} until its {@link FeatureSpec#lookback() lookback} is filled.
 *
 * <p>An update costs O(1) amortised per feature (ring buffers of primitives and running sums) and
 * allocates nothing. Not thread-safe: one engine per instrument, on one thread.
 */
public final class FeatureEngine {

    private final FeatureComputer computer;
    private final FeatureRegistry registry = FeatureRegistry.standard();
    private final ZoneId zone;

    private FeatureEngine(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.computer = new FeatureComputer(zone);
    }

    /** An engine for the standard features whose calendar features use UTC. */
    public static FeatureEngine standard() {
        return new FeatureEngine(ZoneOffset.UTC);
    }

    /** An engine for the standard features whose calendar features use {@code zone} (e.g. America/New_York). */
    public static FeatureEngine standard(ZoneId zone) {
        return new FeatureEngine(zone);
    }

    /** The features this engine computes, in column order. */
    public FeatureRegistry registry() {
        return registry;
    }

    /** The time zone of the calendar features. */
    public ZoneId zone() {
        return zone;
    }

    /** Number of features, the length a row must have at least. */
    public int width() {
        return computer.width();
    }

    /** Number of bars taken since construction or the last {@link #reset()}. */
    public long count() {
        return computer.count();
    }

    /**
     * Takes the next closed bar and writes every feature into {@code row[0 ... width() - 1]}.
     *
     * @param time   bar end, nanoseconds since the epoch, later than the previous bar's
     * @param open   open price, positive
     * @param high   high price, at least open, low and close
     * @param low    low price, positive
     * @param close  close price
     * @param volume volume, finite and not negative
     * @param row    receives the features; length at least {@link #width()}
     * @throws IllegalArgumentException naming the field at fault when the bar is invalid
     */
    public void update(long time, double open, double high, double low, double close, double volume, double[] row) {
        if (computer.count() > 0 && time <= computer.lastTime()) {
            throw new IllegalArgumentException("time: " + time + " is not after the previous bar's " + computer.lastTime());
        }
        if (!(low > 0.0) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("low: must be positive and high finite, got low " + low + ", high " + high);
        }
        if (!(open >= low && open <= high)) {
            throw new IllegalArgumentException("open: " + open + " outside [low " + low + ", high " + high + "]");
        }
        if (!(close >= low && close <= high)) {
            throw new IllegalArgumentException("close: " + close + " outside [low " + low + ", high " + high + "]");
        }
        if (!(volume >= 0.0) || Double.isInfinite(volume)) {
            throw new IllegalArgumentException("volume: must be finite and not negative, got " + volume);
        }
        if (row == null || row.length < computer.width()) {
            throw new IllegalArgumentException("row: needs length " + computer.width() + ", got "
                    + (row == null ? "null" : String.valueOf(row.length)));
        }
        computer.update(time, open, high, low, close, volume, row);
    }

    /** Takes the next closed bar; see {@link #update(long, double, double, double, double, double, double[])}. */
    public void update(Bar bar, double[] row) {
        Objects.requireNonNull(bar, "bar");
        update(bar.time(), bar.openAsDouble(), bar.highAsDouble(), bar.lowAsDouble(), bar.closeAsDouble(),
                bar.volumeAsDouble(), row);
    }

    /**
     * Records a quote. The next bar whose end is at or after {@code time}, and which is the first bar
     * ending after the quote, reports the quote's relative spread {@code (ask - bid) / mid} as its
     * {@code spread} feature instead of the Corwin-Schultz estimate.
     *
     * @throws IllegalArgumentException naming {@code bid} or {@code ask} when not positive or crossed
     */
    public void quote(long time, double bid, double ask) {
        if (!(bid > 0.0) || Double.isInfinite(bid)) {
            throw new IllegalArgumentException("bid: must be positive and finite, got " + bid);
        }
        if (!(ask >= bid) || Double.isInfinite(ask)) {
            throw new IllegalArgumentException("ask: must be finite and at least bid " + bid + ", got " + ask);
        }
        computer.quote(time, (ask - bid) / (0.5 * (ask + bid)));
    }

    /** Records a quote; see {@link #quote(long, double, double)}. */
    public void quote(Quote quote) {
        Objects.requireNonNull(quote, "quote");
        quote(quote.time(), FixedPoint.toDouble(quote.bid()), FixedPoint.toDouble(quote.ask()));
    }

    /** Forgets every bar and quote, as if newly constructed. */
    public void reset() {
        computer.reset();
    }

    /**
     * Batch mode: resets this engine and streams every bar of {@code series} through
     * {@link #update(long, double, double, double, double, double, double[])}.
     *
     * @return the feature matrix, one row per bar of the series
     */
    public FeatureMatrix compute(BarSeries series) {
        Objects.requireNonNull(series, "series");
        reset();
        int n = series.size();
        int width = width();
        double[] values = new double[Math.multiplyExact(n, width)];
        double[] row = new double[width];
        long[] time = series.time();
        long[] open = series.open();
        long[] high = series.high();
        long[] low = series.low();
        long[] close = series.close();
        long[] volume = series.volume();
        for (int i = 0; i < n; i++) {
            update(time[i], FixedPoint.toDouble(open[i]), FixedPoint.toDouble(high[i]), FixedPoint.toDouble(low[i]),
                    FixedPoint.toDouble(close[i]), FixedPoint.toDouble(volume[i]), row);
            for (int j = 0; j < width; j++) {
                values[j * n + i] = row[j];
            }
        }
        return new FeatureMatrix(series.instrument().id(), registry, time.clone(), values);
    }
}
