package io.amcp.ai.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.amcp.ai.features.legacy.FeatureComputer;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optimised engine (shared rolling windows, in-block indicator arithmetic) reproduces, within 1e-9
 * relative, every feature of the straightforward implementation it replaced, kept frozen in
 * {@code io.amcp.ai.features.legacy}: one block per family, each with its own ring buffers and the
 * {@code io.amcp.analytics} indicator objects. Checked on real AAPL daily and ETH 5-minute bars, on a
 * long synthetic series (past several rebuilds of the running sums) and with quotes.
 */
class OptimisedEngineEquivalenceTest {

    private static final double RELATIVE = 1e-9;
    /**
     * Below this magnitude the tolerance is absolute, {@code 1e-9 * FLOOR}: features that are
     * differences of running sums (a flat window's variance, a return exactly cancelling) are zero in
     * exact arithmetic and rounding leaves either 0 or a few 1e-17 there, in either implementation.
     */
    private static final double FLOOR = 1e-6;
    /**
     * Features that subtract two nearly equal numbers: {@code x / y - 1} of two prices (a close against
     * its average, extreme or past value), z-scores {@code (x - mean) / sd}, and the dimensionless shape
     * statistics built from differences of power sums (skewness, excess kurtosis {@code m4 / m2^2 - 3},
     * correlations {@code (Sxy - Sx Sy / n) / sqrt(...)} in [-1, 1]). The subtraction cancels
     * the leading digits, so 1e-16 of rounding in a running sum becomes 1e-9 of a distance near 1e-6.
     * These are compared on their natural unit scale (the ratio {@code x / y}, one standard
     * deviation, a correlation of 1, a normal kurtosis of 3): 1e-9 absolute below magnitude 1, 1e-9
     * relative above.
     */
    private static final List<String> UNIT_SCALE = List.of("sma_dist_", "ema_dist_", "vwap_dist_",
            "dist_high_", "dist_low_", "roc_", "volume_z_", "log_volume_z_", "skew_", "kurt_", "autocorr_",
            "abs_autocorr_");

    @Test
    void realAaplDailyBars() {
        assertEquivalent(TestBars.aapl(), false);
    }

    @Test
    void realEthFiveMinuteBars() {
        assertEquivalent(TestBars.eth(), false);
    }

    @Test
    void longSyntheticSeriesWithQuotes() {
        assertEquivalent(TestBars.synthetic("SYN", 20_000, 8L), true);
    }

    @Test
    void flatPricesAndZeroVolume() {
        int n = 400;
        long[] time = new long[n];
        long[] price = new long[n];
        long[] volume = new long[n];
        for (int i = 0; i < n; i++) {
            time[i] = 1_578_268_800_000_000_000L + (i + 1) * TestBars.MINUTE;
            price[i] = FixedPoint.fromDouble(i < 200 ? 50.0 : 50.0 + (i * 37 % 11) * 0.05);
            volume[i] = i % 3 == 0 ? 0L : FixedPoint.fromDouble(10.0);
        }
        BarSeries flat = new BarSeries(TestBars.aapl().instrument(), time, price, price.clone(), price.clone(),
                price.clone(), volume);
        assertEquivalent(flat, false);
    }

    private static void assertEquivalent(BarSeries series, boolean quotes) {
        FeatureEngine engine = FeatureEngine.standard();
        FeatureComputer reference = new FeatureComputer(ZoneOffset.UTC);
        assertEquals(reference.width(), engine.width(), "width");
        List<FeatureSpec> specs = engine.registry().specs();
        double[] floor = new double[specs.size()];
        for (int j = 0; j < floor.length; j++) {
            String name = specs.get(j).name();
            floor[j] = UNIT_SCALE.stream().anyMatch(name::startsWith) ? 1.0 : FLOOR;
        }
        double[] expected = new double[reference.width()];
        double[] actual = new double[engine.width()];
        for (int i = 0; i < series.size(); i++) {
            long t = series.time()[i];
            double o = FixedPoint.toDouble(series.open()[i]);
            double h = FixedPoint.toDouble(series.high()[i]);
            double l = FixedPoint.toDouble(series.low()[i]);
            double c = FixedPoint.toDouble(series.close()[i]);
            double v = FixedPoint.toDouble(series.volume()[i]);
            if (quotes && i % 5 == 0) {
                double bid = c * 0.999;
                double ask = c * 1.001;
                engine.quote(t - 1, bid, ask);
                reference.quote(t - 1, (ask - bid) / (0.5 * (ask + bid)));
            }
            reference.update(t, o, h, l, c, v, expected);
            engine.update(t, o, h, l, c, v, actual);
            for (int j = 0; j < expected.length; j++) {
                double a = expected[j];
                double b = actual[j];
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    if (Double.isNaN(a) != Double.isNaN(b)) {
                        fail(specs.get(j).name() + " at bar " + i + ": reference " + a + ", optimised " + b);
                    }
                    continue;
                }
                double scale = Math.max(Math.abs(a), Math.abs(b));
                if (Math.abs(a - b) > RELATIVE * Math.max(scale, floor[j])) {
                    fail(specs.get(j).name() + " at bar " + i + ": reference " + a + ", optimised " + b);
                }
            }
        }
    }
}
