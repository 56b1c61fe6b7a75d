package io.amcp.ai.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * Volatility estimators, Amihud illiquidity, the Corwin-Schultz spread and calendar features against
 * their published formulas, evaluated by hand in the test on a six-bar example (bar 0 only supplies
 * the previous close for the close-to-close and Yang-Zhang estimators; the range estimators use the
 * five bars 1-5 as their window of 5).
 */
class HandCalculationTest {

    private static final double[] O = {100.0, 101.0, 102.5, 101.0, 103.0, 104.0};
    private static final double[] H = {101.5, 103.0, 103.5, 102.5, 105.0, 105.5};
    private static final double[] L = {99.0, 100.5, 100.0, 99.5, 102.0, 103.0};
    private static final double[] C = {100.5, 102.0, 101.0, 102.0, 104.5, 103.5};
    private static final double[] V = {1000.0, 1500.0, 800.0, 1200.0, 2000.0, 900.0};
    private static final double TOLERANCE = 1e-12;

    private final FeatureRegistry registry = FeatureRegistry.standard();
    private final double[] row = new double[registry.size()];

    private void runSixBars() {
        FeatureEngine engine = FeatureEngine.standard();
        for (int i = 0; i < 6; i++) {
            engine.update((i + 1) * 86_400_000_000_000L, O[i], H[i], L[i], C[i], V[i], row);
        }
    }

    private double feature(String name) {
        return row[registry.indexOf(name)];
    }

    private static double ln(double x) {
        return Math.log(x);
    }

    @Test
    void closeToCloseIsTheSampleStandardDeviationOfFiveLogReturns() {
        runSixBars();
        double[] r = {ln(102.0 / 100.5), ln(101.0 / 102.0), ln(102.0 / 101.0), ln(104.5 / 102.0), ln(103.5 / 104.5)};
        double mean = (r[0] + r[1] + r[2] + r[3] + r[4]) / 5;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        assertEquals(Math.sqrt(ss / 4), feature("vol_cc_5"), TOLERANCE);
    }

    @Test
    void parkinsonGarmanKlassAndRogersSatchellOverBarsOneToFive() {
        runSixBars();
        double park = 0;
        double gk = 0;
        double rs = 0;
        for (int i = 1; i <= 5; i++) {
            double hl = ln(H[i] / L[i]);
            double co = ln(C[i] / O[i]);
            park += hl * hl;
            gk += 0.5 * hl * hl - (2 * ln(2) - 1) * co * co;
            rs += ln(H[i] / C[i]) * ln(H[i] / O[i]) + ln(L[i] / C[i]) * ln(L[i] / O[i]);
        }
        assertEquals(Math.sqrt(park / (4 * 5 * ln(2))), feature("vol_parkinson_5"), TOLERANCE);
        assertEquals(Math.sqrt(gk / 5), feature("vol_garman_klass_5"), TOLERANCE);
        assertEquals(Math.sqrt(rs / 5), feature("vol_rogers_satchell_5"), TOLERANCE);
        assertEquals(0.0171659957, feature("vol_parkinson_5"), 1e-10, "sqrt(sum ln(H/L)^2 / (20 ln 2)), Python math");
    }

    @Test
    void yangZhangCombinesOvernightOpenToCloseAndRogersSatchell() {
        runSixBars();
        double[] overnight = new double[5];
        double[] openClose = new double[5];
        double rs = 0;
        for (int i = 1; i <= 5; i++) {
            overnight[i - 1] = ln(O[i] / C[i - 1]);
            openClose[i - 1] = ln(C[i] / O[i]);
            rs += ln(H[i] / C[i]) * ln(H[i] / O[i]) + ln(L[i] / C[i]) * ln(L[i] / O[i]);
        }
        double k = 0.34 / (1.34 + 6.0 / 4.0);
        double expected = Math.sqrt(sampleVariance(overnight) + k * sampleVariance(openClose) + (1 - k) * rs / 5);
        assertEquals(expected, feature("vol_yang_zhang_5"), TOLERANCE);
    }

    private static double sampleVariance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }

    @Test
    void amihudIsTheMeanAbsoluteReturnPerMillionDollarsTraded() {
        runSixBars();
        double sum = 0;
        for (int i = 1; i <= 5; i++) {
            sum += Math.abs(ln(C[i] / C[i - 1])) / (C[i] * V[i]);
        }
        assertEquals(1e6 * sum / 5, feature("amihud_5"), TOLERANCE);
        // bar 1 alone, evaluated in Python: |ln(102/100.5)| / (102 * 1500) * 1e6
        assertEquals(0.0968306260, 1e6 * Math.abs(ln(102.0 / 100.5)) / (102.0 * 1500.0), 1e-6);
    }

    @Test
    void volumeFeaturesOverTheLastFiveBars() {
        runSixBars();
        double[] v = {1500, 800, 1200, 2000, 900};
        double mean = 1280;
        double sd = Math.sqrt(sampleVariance(v));
        assertEquals((900 - mean) / sd, feature("volume_z_5"), TOLERANCE);
        // bars 1-5: up (C>O) 1500, down 800, up 1200, up 2000, down 900 -> (4700 - 1700) / 6400
        assertEquals(3000.0 / 6400.0, feature("volume_imbalance_5"), TOLERANCE);
        double typicalVolume = 0;
        for (int i = 1; i <= 5; i++) {
            typicalVolume += (H[i] + L[i] + C[i]) / 3 * V[i];
        }
        assertEquals(103.5 / (typicalVolume / 6400) - 1, feature("vwap_dist_5"), TOLERANCE);
    }

    @Test
    void corwinSchultzSpreadOfTheLastTwoBars() {
        runSixBars();
        double b = Math.pow(ln(105.5 / 103.0), 2) + Math.pow(ln(105.0 / 102.0), 2);
        double g = Math.pow(ln(105.5 / 102.0), 2);
        double d = 3 - 2 * Math.sqrt(2);
        double a = (Math.sqrt(2 * b) - Math.sqrt(b)) / d - Math.sqrt(g / d);
        double s = 2 * (Math.exp(a) - 1) / (1 + Math.exp(a));
        assertEquals(Math.max(s, 0.0), feature("spread_cs_2"), TOLERANCE);
    }

    @Test
    void quotedSpreadReplacesTheEstimateWhenAQuoteFallsInTheBar() {
        FeatureEngine engine = FeatureEngine.standard();
        for (int i = 0; i < 30; i++) {
            long end = (i + 1) * 60_000_000_000L;
            if (i == 29) {
                engine.quote(end - 1, 99.9, 100.1);
            }
            engine.update(end, 100, 100.5, 99.5, 100, 10, row);
        }
        assertEquals(0.2 / 100.0, feature("spread"), 1e-12);
        engine.update(31 * 60_000_000_000L, 100, 100.5, 99.5, 100, 10, row);
        assertEquals(feature("spread_cs_20"), feature("spread"), 0.0, "a quote is used for one bar only");
    }

    @Test
    void calendarOfAnAppleSessionCloseInNewYork() {
        ZoneId ny = ZoneId.of("America/New_York");
        FeatureEngine engine = FeatureEngine.standard(ny);
        // Wednesday 2013-01-30 16:00 New York: day of week 2, January, minute 960, day of year 30
        long t = ZonedDateTime.of(2013, 1, 30, 16, 0, 0, 0, ny).toEpochSecond() * 1_000_000_000L;
        engine.update(t, 100, 101, 99, 100, 10, row);
        assertEquals(Math.sin(2 * Math.PI * 2 / 7), feature("dow_sin"), TOLERANCE);
        assertEquals(Math.cos(2 * Math.PI * 2 / 7), feature("dow_cos"), TOLERANCE);
        assertEquals(0.0, feature("month_sin"), TOLERANCE);
        assertEquals(1.0, feature("month_cos"), TOLERANCE);
        assertEquals(Math.sin(2 * Math.PI * 960 / 1440), feature("minute_sin"), TOLERANCE);
        assertEquals(Math.cos(2 * Math.PI * 29 / 365), feature("doy_cos"), TOLERANCE);
        assertEquals(1.0, feature("days_to_month_end"));
        // 2024-02-10 in UTC: leap February, 19 days to its end, Saturday (5)
        FeatureEngine utc = FeatureEngine.standard();
        utc.update(ZonedDateTime.of(2024, 2, 10, 23, 59, 0, 0, ZoneId.of("UTC")).toEpochSecond() * 1_000_000_000L,
                100, 101, 99, 100, 10, row);
        assertEquals(19.0, feature("days_to_month_end"));
        assertEquals(Math.sin(2 * Math.PI * 5 / 7), feature("dow_sin"), TOLERANCE);
        assertEquals(Math.cos(2 * Math.PI * 1439 / 1440), feature("minute_cos"), TOLERANCE);
    }

    @Test
    void invalidBarsAreRejectedNamingTheField() {
        FeatureEngine engine = FeatureEngine.standard();
        assertMessage(() -> engine.update(1, 98.5, 99, 98, 100, 1, row), "close:");
        assertMessage(() -> engine.update(1, 100, 101, 0, 100, 1, row), "low:");
        assertMessage(() -> engine.update(1, 100, 101, 99, 100, -1, row), "volume:");
        assertMessage(() -> engine.update(1, 100, 101, 99, 100, 1, new double[3]), "row:");
        engine.update(5, 100, 101, 99, 100, 1, row);
        assertMessage(() -> engine.update(5, 100, 101, 99, 100, 1, row), "time:");
        assertMessage(() -> engine.quote(6, 101, 100), "ask:");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String prefix) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
