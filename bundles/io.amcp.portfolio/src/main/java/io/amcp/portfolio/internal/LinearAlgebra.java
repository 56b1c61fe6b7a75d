package io.amcp.portfolio.internal;

/** Dense linear algebra for the small matrices of portfolio problems. */
final class LinearAlgebra {

    private LinearAlgebra() {
    }

    /** Solves {@code A X = B} by Gaussian elimination with partial pivoting. */
    static double[][] solve(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] lu = new double[n][];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            lu[i] = a[i].clone();
            x[i] = b[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(lu[r][col]) > Math.abs(lu[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(lu[pivot][col]) < 1e-300) {
                throw new IllegalArgumentException("matrix: singular");
            }
            double[] swap = lu[col];
            lu[col] = lu[pivot];
            lu[pivot] = swap;
            swap = x[col];
            x[col] = x[pivot];
            x[pivot] = swap;
            for (int r = col + 1; r < n; r++) {
                double f = lu[r][col] / lu[col][col];
                if (f != 0) {
                    for (int c = col; c < n; c++) {
                        lu[r][c] -= f * lu[col][c];
                    }
                    for (int c = 0; c < m; c++) {
                        x[r][c] -= f * x[col][c];
                    }
                }
            }
        }
        for (int row = n - 1; row >= 0; row--) {
            for (int c = 0; c < m; c++) {
                double sum = x[row][c];
                for (int k = row + 1; k < n; k++) {
                    sum -= lu[row][k] * x[k][c];
                }
                x[row][c] = sum / lu[row][row];
            }
        }
        return x;
    }

    static double[] solve(double[][] a, double[] b) {
        double[][] column = new double[b.length][1];
        for (int i = 0; i < b.length; i++) {
            column[i][0] = b[i];
        }
        double[][] x = solve(a, column);
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = x[i][0];
        }
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }

    static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += a[i][j] * x[j];
            }
        }
        return y;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static double[][] scale(double[][] a, double factor) {
        double[][] s = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                s[i][j] = a[i][j] * factor;
            }
        }
        return s;
    }

    static double[][] add(double[][] a, double[][] b, double bFactor) {
        double[][] s = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                s[i][j] = a[i][j] + bFactor * b[i][j];
            }
        }
        return s;
    }
}
