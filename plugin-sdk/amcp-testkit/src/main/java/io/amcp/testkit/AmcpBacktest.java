package io.amcp.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configures the {@link BacktestHarness} that {@link AmcpBacktestExtension} injects into a test
 * method's {@code BacktestHarness} parameter. On a test class it applies to every method; on a
 * method it replaces the class's.
 *
 * <pre>{@code
 * @Test
 * @AmcpBacktest(dataset = "aapl-2013", cash = "10000")
 * void tradesTheBreakout(BacktestHarness harness) {
 *     BacktestOutcome outcome = harness.run(new MyStrategy(...));
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(AmcpBacktestExtension.class)
public @interface AmcpBacktest {

    /** Dataset id, see {@link BacktestHarness#dataset(String)}. */
    String dataset() default "aapl-2013";

    /** Starting cash as a decimal. */
    String cash() default "100000";

    /** Buying power as a multiple of equity. */
    double leverage() default 1.0;

    /** Commission per share as a decimal; empty for none. */
    String commissionPerShare() default "";

    /** Minimum commission per order as a decimal (with {@link #commissionPerShare()}). */
    String commissionMinimum() default "0";

    /** Slippage in basis points. */
    double slippageBps() default 0;
}
