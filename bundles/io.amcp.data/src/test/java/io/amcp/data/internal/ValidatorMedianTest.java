package io.amcp.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The selection median against the textbook one: sort, then the middle element or the mean of the two middle ones. */
class ValidatorMedianTest {

    private static double sortedMedian(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    @Test
    void smallCasesByHand() {
        assertEquals(3.0, Validator.median(new double[] {5, 3, 1}));
        assertEquals(2.5, Validator.median(new double[] {4, 1, 3, 2}));
        assertEquals(7.0, Validator.median(new double[] {7}));
        assertEquals(1.0, Validator.median(new double[] {1, 1, 1, 1}));
    }

    @Test
    void equalsTheSortedMedianOnRandomSortedReversedAndTiedArrays() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(2000);
            double[] values = new double[n];
            int kind = trial % 4;
            for (int i = 0; i < n; i++) {
                values[i] = switch (kind) {
                    case 0 -> random.nextGaussian();
                    case 1 -> i;
                    case 2 -> n - i;
                    default -> random.nextInt(5);
                };
            }
            double expected = sortedMedian(values);
            assertEquals(expected, Validator.median(values.clone()), "trial " + trial + " n " + n);
        }
    }
}
