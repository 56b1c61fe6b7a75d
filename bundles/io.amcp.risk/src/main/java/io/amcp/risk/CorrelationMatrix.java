package io.amcp.risk;

import io.amcp.api.model.InstrumentId;
import java.util.Arrays;
import java.util.List;

/**
 * Pearson correlations of the assets' daily returns.
 *
 * @param symbols the assets, in row/column order
 * @param values  {@code values[i][j]}, copied in and out; 1 on the diagonal
 */
public record CorrelationMatrix(List<InstrumentId> symbols, double[][] values) {

    public CorrelationMatrix {
        symbols = List.copyOf(symbols);
        values = deepCopy(values);
    }

    /** A deep copy of the values. */
    @Override
    public double[][] values() {
        return deepCopy(values);
    }

    /** Correlation of two assets by index. */
    public double get(int row, int column) {
        return values[row][column];
    }

    /** Correlation of two assets by symbol. */
    public double get(InstrumentId first, InstrumentId second) {
        int row = symbols.indexOf(first);
        int column = symbols.indexOf(second);
        if (row < 0 || column < 0) {
            throw new IllegalArgumentException("symbol: " + (row < 0 ? first : second) + " is not in the matrix");
        }
        return values[row][column];
    }

    private static double[][] deepCopy(double[][] source) {
        double[][] copy = new double[source.length][];
        for (int i = 0; i < source.length; i++) {
            copy[i] = source[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CorrelationMatrix that && symbols.equals(that.symbols)
                && Arrays.deepEquals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * symbols.hashCode() + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "CorrelationMatrix" + symbols;
    }
}
