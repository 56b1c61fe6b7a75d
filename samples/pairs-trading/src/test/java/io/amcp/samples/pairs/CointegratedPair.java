package io.amcp.samples.pairs;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.spi.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * A seeded synthetic cointegrated pair of daily bars on weekdays: {@code ln x} is a Gaussian random
 * walk, {@code ln y = alpha + beta ln x + u} with {@code u} an Ornstein-Uhlenbeck (AR(1)) process
 * {@code u_t = (1 - theta) u_(t-1) + sigma e_t}. Each bar opens at the previous close.
 */
final class CointegratedPair {

    static final double ALPHA = 0.5;

    private CointegratedPair() {
    }

    static List<BarSeries> generate(long seed, int bars, double beta, double stepX, double theta, double sigma) {
        Random random = new Random(seed);
        double[] closeX = new double[bars];
        double[] closeY = new double[bars];
        double logX = Math.log(50);
        double u = 0;
        for (int i = 0; i < bars; i++) {
            logX += stepX * random.nextGaussian();
            u = (1 - theta) * u + sigma * random.nextGaussian();
            closeX[i] = Math.exp(logX);
            closeY[i] = Math.exp(ALPHA + beta * logX + u);
        }
        long[] times = new long[bars];
        LocalDate day = LocalDate.of(2021, 1, 4);
        for (int i = 0; i < bars; i++) {
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            times[i] = Clock.toNanos(day.atTime(21, 0).toInstant(ZoneOffset.UTC));
            day = day.plusDays(1);
        }
        return List.of(series(Instrument.equity("YYY"), times, closeY), series(Instrument.equity("XXX"), times, closeX));
    }

    private static BarSeries series(Instrument instrument, long[] times, double[] closes) {
        int n = closes.length;
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long[] volume = new long[n];
        for (int i = 0; i < n; i++) {
            close[i] = FixedPoint.fromDouble(Math.round(closes[i] * 100) / 100.0);
            open[i] = i == 0 ? close[i] : close[i - 1];
            high[i] = Math.max(open[i], close[i]);
            low[i] = Math.min(open[i], close[i]);
            volume[i] = FixedPoint.fromDouble(1_000_000);
        }
        return new BarSeries(instrument, times, open, high, low, close, volume);
    }
}
