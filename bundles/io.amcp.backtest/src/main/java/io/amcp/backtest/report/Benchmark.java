package io.amcp.backtest.report;

import java.util.Arrays;

/**
 * A benchmark's equity or price, one value per sample of the strategy's equity curve, drawn beside
 * it in the tear sheet (rebased to the strategy's initial equity).
 *
 * @param name   what it is, e.g. {@code "SPY buy and hold"}
 * @param values positive values aligned with the equity curve's samples
 */
public record Benchmark(String name, double[] values) {

    public Benchmark {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("benchmark name: must not be blank");
        }
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("benchmark values: must not be empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException("benchmark values[" + i + "]: must be positive and finite, was " + values[i]);
            }
        }
        values = values.clone();
    }

    public static Benchmark of(String name, double[] values) {
        return new Benchmark(name, values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Benchmark other && name.equals(other.name) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Benchmark[" + name + ", " + values.length + " samples]";
    }
}
