package io.amcp.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedPointTest {

    /** The reference: the exact product by BigDecimal, rounded half-up (away from zero) to 1e-8. */
    private static BigInteger reference(long a, long b) {
        return new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                .divide(BigDecimal.valueOf(FixedPoint.ONE), 0, RoundingMode.HALF_UP).toBigIntegerExact();
    }

    @Test
    void priceTimesQuantityBeyondSixtyFourBitsIsExact() {
        // 187.34 x 10 shares: the raw product 1.8734e19 does not fit in a long
        assertThat(FixedPoint.multiply(Price.of("187.34").raw(), Quantity.of(10).raw()))
                .isEqualTo(Money.of("1873.4").raw());
        // 0.00000001 x 0.5 = 0.000000005 -> rounds half-up to 0.00000001; negated rounds away from zero
        assertThat(FixedPoint.multiply(1, 50_000_000)).isEqualTo(1);
        assertThat(FixedPoint.multiply(-1, 50_000_000)).isEqualTo(-1);
        assertThat(FixedPoint.multiply(-Price.of("187.34").raw(), Quantity.of(10).raw()))
                .isEqualTo(-Money.of("1873.4").raw());
    }

    @Test
    void wideProductsMatchBigDecimalOrOverflow() {
        SplittableRandom random = new SplittableRandom(42);
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        BigInteger min = BigInteger.valueOf(Long.MIN_VALUE + 1);
        for (int i = 0; i < 200_000; i++) {
            long a = random.nextLong() >> random.nextInt(64);
            long b = random.nextLong() >> random.nextInt(64);
            BigInteger expected = reference(a, b);
            if (expected.compareTo(max) > 0 || expected.compareTo(min) < 0) {
                assertThatThrownBy(() -> FixedPoint.multiply(a, b)).as("%d x %d", a, b)
                        .isInstanceOf(ArithmeticException.class);
            } else {
                assertThat(FixedPoint.multiply(a, b)).as("%d x %d", a, b).isEqualTo(expected.longValueExact());
            }
        }
    }

    @Test
    void wholeNumberOperandsMatchBigDecimalOrOverflow() {
        SplittableRandom random = new SplittableRandom(7);
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        BigInteger min = BigInteger.valueOf(Long.MIN_VALUE + 1);
        for (int i = 0; i < 200_000; i++) {
            long whole = (random.nextLong() >> random.nextInt(40, 64)) * FixedPoint.ONE;
            long other = random.nextLong() >> random.nextInt(64);
            long a = i % 2 == 0 ? whole : other;
            long b = i % 2 == 0 ? other : whole;
            BigInteger expected = reference(a, b);
            if (expected.compareTo(max) > 0 || expected.compareTo(min) < 0) {
                assertThatThrownBy(() -> FixedPoint.multiply(a, b)).as("%d x %d", a, b)
                        .isInstanceOf(ArithmeticException.class);
            } else {
                assertThat(FixedPoint.multiply(a, b)).as("%d x %d", a, b).isEqualTo(expected.longValueExact());
            }
        }
    }

    @Test
    void orderIdsFollowTheDocumentedSyntax() {
        assertThat(ClientOrderId.of("sma-aapl-12").value()).isEqualTo("sma-aapl-12");
        assertThat(ClientOrderId.of("A:b.c_d-1").value()).isEqualTo("A:b.c_d-1");
        assertThat(OrderId.of("x".repeat(128)).value()).hasSize(128);
        for (String bad : new String[] {"", "-leading", "has space", "x".repeat(129), "slash/no", "é"}) {
            assertThatThrownBy(() -> ClientOrderId.of(bad)).hasMessageStartingWith("clientOrderId: invalid value");
            assertThatThrownBy(() -> OrderId.of(bad)).hasMessageStartingWith("orderId: invalid value");
        }
        assertThatThrownBy(() -> ClientOrderId.of(null)).hasMessageStartingWith("clientOrderId: invalid value");
    }
}
