package io.amcp.risk;

import io.amcp.risk.internal.Checks;
import java.util.Arrays;

/**
 * Daily simple returns of a benchmark (an index or ETF such as SPY) over the same days as the
 * {@link ReturnsHistory} it is used with, oldest first.
 *
 * @param name    benchmark name, e.g. {@code SPY}
 * @param returns at least 2 finite returns, copied in and out
 */
public record BenchmarkReturns(String name, double[] returns) {

    public BenchmarkReturns {
        Checks.text("name", name);
        Checks.present("returns", returns);
        if (returns.length < 2) {
            throw new IllegalArgumentException("returns: needs at least 2 days, was " + returns.length);
        }
        for (int d = 0; d < returns.length; d++) {
            if (!Double.isFinite(returns[d])) {
                throw new IllegalArgumentException("returns[" + d + "]: must be finite, was " + returns[d]);
            }
        }
        returns = returns.clone();
    }

    /** A benchmark series. */
    public static BenchmarkReturns of(String name, double[] returns) {
        return new BenchmarkReturns(name, returns);
    }

    /** A copy of the returns. */
    @Override
    public double[] returns() {
        return returns.clone();
    }

    /** Number of days. */
    public int dayCount() {
        return returns.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BenchmarkReturns that && name.equals(that.name) && Arrays.equals(returns, that.returns);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(returns);
    }

    @Override
    public String toString() {
        return "BenchmarkReturns[" + name + ", " + returns.length + " days]";
    }
}
