package io.amcp.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void wholeDoublesPrintWithoutAFraction() {
        assertEquals("20", NumberText.of("fast", 20.0));
        assertEquals("-3", NumberText.of("fast", -3.0));
        assertEquals("0", NumberText.of("fast", -0.0));
        // 2^53 - 1 = 9007199254740991, the largest odd whole double
        assertEquals("9007199254740991", NumberText.of("fast", 9007199254740991.0));
    }

    @Test
    void wholeDoublesAt2To53AndAboveKeepTheirValue() {
        // 2^53 = 9007199254740992; 2^63 = 9223372036854775808 (Long.MAX_VALUE + 1), whose shortest
        // double text is 9.223372036854776E18; 1e19 is beyond any long
        assertEquals("9007199254740992", NumberText.of("n", 9007199254740992.0));
        assertEquals("9223372036854776000", NumberText.of("n", 0x1p63));
        assertEquals("10000000000000000000", NumberText.of("n", 1e19));
        assertEquals("-10000000000000000000", NumberText.of("n", -1e19));
    }

    @Test
    void fractionsPrintTheirShortestPlainDecimal() {
        assertEquals("0.1", NumberText.of("bandWidth", 0.1));
        assertEquals("2.5", NumberText.of("bandWidth", 2.5));
        assertEquals("0.0000001", NumberText.of("bandWidth", 1e-7));
        assertEquals("0.1", NumberText.of("bandWidth", 0.1f));
    }

    @Test
    void integersAndDecimalsPrintExactly() {
        assertEquals("20", NumberText.of("n", 20));
        assertEquals("9223372036854775807", NumberText.of("n", Long.MAX_VALUE));
        assertEquals("18446744073709551616", NumberText.of("n", BigInteger.TWO.pow(64)));
        assertEquals("20", NumberText.of("n", new BigDecimal("20.00")));
        assertEquals("1.25", NumberText.of("n", new BigDecimal("1.250")));
        assertEquals("20", NumberText.of("n", new BigDecimal("2E+1")));
    }

    @Test
    void nanAndInfinitiesAreRefusedNamingTheField() {
        assertEquals("params.fast: must be a finite number, was NaN", assertThrows(IllegalArgumentException.class,
                () -> NumberText.of("params.fast", Double.NaN)).getMessage());
        assertEquals("quantity: must be a finite number, was Infinity", assertThrows(IllegalArgumentException.class,
                () -> NumberText.of("quantity", Double.POSITIVE_INFINITY)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NumberText.of("quantity", Float.NEGATIVE_INFINITY));
    }
}
