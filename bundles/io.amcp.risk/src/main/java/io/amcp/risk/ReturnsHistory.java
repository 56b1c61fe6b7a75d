package io.amcp.risk;

import io.amcp.api.model.InstrumentId;
import io.amcp.risk.internal.Checks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily simple returns of several assets over the same days, columnar: one {@code double[]} per
 * asset, {@code returns[asset][day]}, oldest day first. Every asset has the same number of days.
 *
 * <p>The arrays are copied in and out; use {@link #returnAt(int, int)} for single values.
 *
 * @param symbols one symbol per row, distinct
 * @param returns returns, {@code symbols.size()} rows of at least 2 finite values each
 */
public record ReturnsHistory(List<InstrumentId> symbols, double[][] returns) {

    public ReturnsHistory {
        Checks.present("symbols", symbols);
        Checks.present("returns", returns);
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols: must not be empty");
        }
        if (returns.length != symbols.size()) {
            throw new IllegalArgumentException("returns: expected one row per symbol (" + symbols.size()
                    + "), was " + returns.length);
        }
        Map<InstrumentId, Integer> seen = new HashMap<>();
        for (int a = 0; a < symbols.size(); a++) {
            Integer previous = seen.put(symbols.get(a), a);
            if (previous != null) {
                throw new IllegalArgumentException("symbols[" + a + "]: duplicate " + symbols.get(a));
            }
        }
        double[][] copy = new double[returns.length][];
        int days = Checks.present("returns[0]", returns[0]).length;
        if (days < 2) {
            throw new IllegalArgumentException("returns[0]: needs at least 2 days, was " + days);
        }
        for (int a = 0; a < returns.length; a++) {
            double[] row = Checks.present("returns[" + a + "]", returns[a]);
            if (row.length != days) {
                throw new IllegalArgumentException("returns[" + a + "]: expected " + days + " days like returns[0], was "
                        + row.length);
            }
            for (int d = 0; d < days; d++) {
                if (!Double.isFinite(row[d])) {
                    throw new IllegalArgumentException("returns[" + a + "][" + d + "]: must be finite, was " + row[d]);
                }
            }
            copy[a] = row.clone();
        }
        returns = copy;
    }

    /** A history of {@code returns[asset][day]} for the given symbols. */
    public static ReturnsHistory of(List<String> symbols, double[][] returns) {
        Checks.present("symbols", symbols);
        return new ReturnsHistory(symbols.stream().map(s -> InstrumentId.of(Checks.present("symbols", s))).toList(),
                returns);
    }

    /** A deep copy of the returns. */
    @Override
    public double[][] returns() {
        double[][] copy = new double[returns.length][];
        for (int a = 0; a < returns.length; a++) {
            copy[a] = returns[a].clone();
        }
        return copy;
    }

    /** Number of assets (rows). */
    public int assetCount() {
        return returns.length;
    }

    /** Number of days (columns). */
    public int dayCount() {
        return returns[0].length;
    }

    /** Row of {@code symbol}, or -1 when the history does not hold it. */
    public int indexOf(InstrumentId symbol) {
        return symbols.indexOf(symbol);
    }

    /** Return of asset {@code asset} on day {@code day}. */
    public double returnAt(int asset, int day) {
        return returns[asset][day];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReturnsHistory that && symbols.equals(that.symbols)
                && Arrays.deepEquals(returns, that.returns);
    }

    @Override
    public int hashCode() {
        return 31 * symbols.hashCode() + Arrays.deepHashCode(returns);
    }

    @Override
    public String toString() {
        return "ReturnsHistory[" + symbols.size() + " assets x " + dayCount() + " days]";
    }
}
