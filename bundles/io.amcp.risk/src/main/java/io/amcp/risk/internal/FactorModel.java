package io.amcp.risk.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.risk.BenchmarkReturns;
import io.amcp.risk.ReturnsHistory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything derived from the returns history and the benchmark alone: covariance, correlation,
 * Cholesky factor and betas. Prices do not enter it, so it is computed once and reused while prices
 * stream. Immutable.
 */
public final class FactorModel {

    private final List<InstrumentId> symbols;
    private final Map<InstrumentId, Integer> index;
    private final int n;
    private final double[][] returns;
    private final double[] covariance;
    private final double[][] correlation;
    private final double[] lower;
    private final String benchmarkName;
    private final double[] betas;

    private FactorModel(ReturnsHistory history, BenchmarkReturns benchmarkReturns) {
        this.symbols = history.symbols();
        this.n = history.assetCount();
        this.index = new HashMap<>();
        for (int a = 0; a < n; a++) {
            index.put(symbols.get(a), a);
        }
        this.returns = history.returns();
        this.covariance = Matrices.covariance(returns);
        this.correlation = Matrices.correlation(covariance, n);
        this.lower = Matrices.cholesky(covariance, n);
        if (benchmarkReturns == null) {
            this.benchmarkName = null;
            this.betas = null;
        } else {
            double[] benchmark = benchmarkReturns.returns();
            if (benchmark.length != history.dayCount()) {
                throw new IllegalArgumentException("benchmark: " + benchmark.length
                        + " days, but the returns history has " + history.dayCount());
            }
            this.benchmarkName = benchmarkReturns.name();
            this.betas = betas(returns, benchmark);
        }
    }

    /** The model of {@code history}, with betas against {@code benchmark} (same days). */
    public static FactorModel of(ReturnsHistory history, BenchmarkReturns benchmark) {
        Checks.present("history", history);
        Checks.present("benchmark", benchmark);
        return new FactorModel(history, benchmark);
    }

    /** The model of {@code history} without a benchmark: {@link #betas()} is null. */
    public static FactorModel of(ReturnsHistory history) {
        Checks.present("history", history);
        return new FactorModel(history, null);
    }

    private static double[] betas(double[][] returns, double[] benchmark) {
        int days = benchmark.length;
        double benchmarkMean = 0.0;
        for (double value : benchmark) {
            benchmarkMean += value;
        }
        benchmarkMean /= days;
        double benchmarkVariance = 0.0;
        for (double value : benchmark) {
            benchmarkVariance += (value - benchmarkMean) * (value - benchmarkMean);
        }
        if (benchmarkVariance == 0.0) {
            throw new IllegalArgumentException("benchmark: returns have zero variance, beta is undefined");
        }
        double[] betas = new double[returns.length];
        for (int a = 0; a < returns.length; a++) {
            double mean = 0.0;
            for (double value : returns[a]) {
                mean += value;
            }
            mean /= days;
            double covariance = 0.0;
            for (int d = 0; d < days; d++) {
                covariance += (returns[a][d] - mean) * (benchmark[d] - benchmarkMean);
            }
            betas[a] = covariance / benchmarkVariance;
        }
        return betas;
    }

    /** Assets in row order. */
    public List<InstrumentId> symbols() {
        return symbols;
    }

    /** Number of assets. */
    public int size() {
        return n;
    }

    /** Row of {@code symbol}, or -1. */
    public int indexOf(InstrumentId symbol) {
        Integer at = index.get(symbol);
        return at == null ? -1 : at;
    }

    /** Returns, {@code [asset][day]}; shared, do not modify. */
    public double[][] returns() {
        return returns;
    }

    /** Covariance, row-major; shared, do not modify. */
    public double[] covariance() {
        return covariance;
    }

    /** Correlation; shared, do not modify. */
    public double[][] correlation() {
        return correlation;
    }

    /** Lower Cholesky factor of the covariance, row-major; shared, do not modify. */
    public double[] lower() {
        return lower;
    }

    /** Benchmark name. */
    public String benchmarkName() {
        return benchmarkName;
    }

    /** Beta of each asset, null without a benchmark; shared, do not modify. */
    public double[] betas() {
        return betas;
    }
}
