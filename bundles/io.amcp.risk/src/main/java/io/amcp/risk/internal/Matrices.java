package io.amcp.risk.internal;

/** Dense matrix kernels on row-major {@code double[]} storage ({@code a[i * n + j]}). */
public final class Matrices {

    private Matrices() {
    }

    /** Arithmetic mean of each row. */
    public static double[] rowMeans(double[][] rows) {
        double[] means = new double[rows.length];
        for (int a = 0; a < rows.length; a++) {
            double sum = 0.0;
            for (double value : rows[a]) {
                sum += value;
            }
            means[a] = sum / rows[a].length;
        }
        return means;
    }

    /** Sample covariance (denominator {@code days - 1}) of the rows, row-major {@code n x n}. */
    public static double[] covariance(double[][] rows) {
        int n = rows.length;
        int days = rows[0].length;
        double[] means = rowMeans(rows);
        double[][] centred = new double[n][days];
        for (int a = 0; a < n; a++) {
            for (int d = 0; d < days; d++) {
                centred[a][d] = rows[a][d] - means[a];
            }
        }
        double[] covariance = new double[n * n];
        for (int i = 0; i < n; i++) {
            double[] x = centred[i];
            for (int j = 0; j <= i; j++) {
                double[] y = centred[j];
                double sum = 0.0;
                for (int d = 0; d < days; d++) {
                    sum += x[d] * y[d];
                }
                double value = sum / (days - 1);
                covariance[i * n + j] = value;
                covariance[j * n + i] = value;
            }
        }
        return covariance;
    }

    /**
     * Correlation from a covariance; an asset with zero variance gets correlation 0 with the others
     * and 1 with itself.
     */
    public static double[][] correlation(double[] covariance, int n) {
        double[][] correlation = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double denominator = Math.sqrt(covariance[i * n + i] * covariance[j * n + j]);
                if (i == j) {
                    correlation[i][j] = 1.0;
                } else {
                    correlation[i][j] = denominator > 0.0 ? covariance[i * n + j] / denominator : 0.0;
                }
            }
        }
        return correlation;
    }

    /**
     * Lower Cholesky factor L with {@code L L' = a} of a symmetric positive semi-definite matrix. A
     * pivot that is not positive (beyond rounding, relative to the largest diagonal) marks a direction
     * with no variance: its column is set to zero, which keeps {@code L L' = a} for semi-definite
     * covariances (fewer days than assets, duplicated assets).
     */
    public static double[] cholesky(double[] a, int n) {
        double[] l = new double[n * n];
        double scale = 0.0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(a[i * n + i]));
        }
        double tolerance = 1e-13 * scale;
        for (int j = 0; j < n; j++) {
            double pivot = a[j * n + j];
            for (int k = 0; k < j; k++) {
                pivot -= l[j * n + k] * l[j * n + k];
            }
            if (pivot < -1e-8 * Math.max(scale, Double.MIN_NORMAL)) {
                throw new IllegalArgumentException("covariance: not positive semi-definite (pivot " + pivot
                        + " at row " + j + ")");
            }
            if (pivot <= tolerance) {
                continue;
            }
            double diagonal = Math.sqrt(pivot);
            l[j * n + j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = sum / diagonal;
            }
        }
        return l;
    }

    /** {@code a x} for a row-major {@code n x n} matrix. */
    public static double[] multiply(double[] a, double[] x, int n) {
        double[] result = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                sum += a[i * n + j] * x[j];
            }
            result[i] = sum;
        }
        return result;
    }

    /** Dot product. */
    public static double dot(double[] x, double[] y) {
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }
}
