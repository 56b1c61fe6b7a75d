package io.amcp.ai.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Forward returns and triple-barrier labels on hand-worked close paths. */
class LabelsTest {

    @Test
    void forwardLogReturnsAreNanWhereTheFutureIsMissing() {
        double[] close = {100, 110, 99, 121};
        double[] h1 = ForwardReturns.of(close, 1);
        assertEquals(Math.log(1.1), h1[0], 1e-15);
        assertEquals(Math.log(0.9), h1[1], 1e-15);
        assertEquals(Math.log(121.0 / 99.0), h1[2], 1e-15);
        assertTrue(Double.isNaN(h1[3]));
        double[] h2 = ForwardReturns.of(close, 2);
        assertEquals(Math.log(0.99), h2[0], 1e-15);
        assertEquals(Math.log(1.1), h2[1], 1e-15);
        assertTrue(Double.isNaN(h2[2]) && Double.isNaN(h2[3]));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ForwardReturns.of(close, 0))
                .getMessage().startsWith("horizon:"));
    }

    /**
     * Closes 100, 101, 99, 100 give log returns +0.009950, -0.020001, +0.010050; their mean is 0 (the
     * path returns to 100) and their sample standard deviation (window 3) is sigma_3 =
     * sqrt((0.00009901 + 0.00040003 + 0.00010101) / 2) = 0.0173212. Barriers at bar 3 with pt = sl = 1:
     * ln(C_j / 100) >= +0.0173212 or <= -0.0173212.
     */
    @Test
    void tripleBarrierTouchesHandWorkedPaths() {
        TripleBarrier barrier = TripleBarrier.of(1.0, 1.0, 3, 3);
        double[] up = {100, 101, 99, 100, 101, 102, 95};
        TripleBarrierLabels a = barrier.label(up);
        assertEquals(0.0173212, a.volatility(3), 1e-7);
        assertEquals(1.0, a.label(3), "ln(102/100) = 0.0198 >= 0.0173 at bar 5 before the fall");
        assertEquals(5, a.touchIndex(3));
        assertEquals(Math.log(1.02), a.touchReturn(3), 1e-15);

        double[] down = {100, 101, 99, 100, 99.5, 98.0, 110};
        TripleBarrierLabels b = barrier.label(down);
        assertEquals(-1.0, b.label(3), "ln(98/100) = -0.0202 <= -0.0173 at bar 5");
        assertEquals(5, b.touchIndex(3));

        double[] flat = {100, 101, 99, 100, 100.5, 99.5, 100.2, 150};
        TripleBarrierLabels c = barrier.label(flat);
        assertEquals(0.0, c.label(3), "no touch within 3 bars: vertical barrier");
        assertEquals(6, c.touchIndex(3));
        assertEquals(Math.log(1.002), c.touchReturn(3), 1e-15);
    }

    @Test
    void barsWithoutVolatilityOrFutureAreUnlabelled() {
        double[] flat = {100, 101, 99, 100, 100.5, 99.5, 100.2, 150};
        TripleBarrierLabels c = TripleBarrier.of(1.0, 1.0, 3, 3).label(flat);
        for (int t = 0; t < 3; t++) {
            assertFalse(c.isLabelled(t), "no volatility before bar 3");
            assertTrue(Double.isNaN(c.label(t)));
            assertEquals(-1, c.touchIndex(t));
        }
        assertTrue(c.isLabelled(4), "bar 7 jumps to 150: profit-take at bar 7");
        assertEquals(1.0, c.label(4));
        assertEquals(7, c.touchIndex(4));
        assertEquals(1.0, c.label(5), "touched at bar 7 although the vertical barrier lies past the end");
        assertFalse(c.isLabelled(7), "the last bar has no future");
    }

    @Test
    void aZeroMultipleDisablesThatBarrier() {
        double[] down = {100, 101, 99, 100, 99.5, 98.0, 97.0};
        TripleBarrierLabels noStop = TripleBarrier.of(1.0, 0.0, 3, 3).label(down);
        assertEquals(0.0, noStop.label(3));
        assertEquals(6, noStop.touchIndex(3));
    }

    @Test
    void invalidParametersNameTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TripleBarrier.of(-1, 1, 3, 3))
                .getMessage().startsWith("profitTake:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TripleBarrier.of(1, 1, 0, 3))
                .getMessage().startsWith("verticalBars:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TripleBarrier.of(1, 1, 3, 1))
                .getMessage().startsWith("volatilityWindow:"));
    }

    @Test
    void bothLabelsRefuseACloseThatIsNotPositiveAndFinite() {
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] close = {100.0, 101.0, bad, 102.0};
            String expected = "close: must be positive and finite, got " + bad + " at 2";
            assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> ForwardReturns.of(close, 1))
                    .getMessage());
            assertEquals(expected, assertThrows(IllegalArgumentException.class,
                    () -> TripleBarrier.of(1, 1, 3, 3).label(close)).getMessage());
        }
    }
}
