package io.amcp.portfolio;

/** Validation and copying of the arrays the portfolio value types hold; not part of the API. */
final class Matrices {

    private Matrices() {
    }

    static double[] copyVector(double[] vector, String field, int expectedLength) {
        if (vector == null) {
            throw new IllegalArgumentException(field + ": must not be null");
        }
        if (vector.length != expectedLength) {
            throw new IllegalArgumentException(field + ": expected " + expectedLength + " entries, was " + vector.length);
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Double.isFinite(vector[i])) {
                throw new IllegalArgumentException(field + ": entry " + i + " is not finite (" + vector[i] + ")");
            }
        }
        return vector.clone();
    }

    static double[][] copyRectangular(double[][] matrix, String field, int columns) {
        if (matrix == null) {
            throw new IllegalArgumentException(field + ": must not be null");
        }
        double[][] copy = new double[matrix.length][];
        for (int r = 0; r < matrix.length; r++) {
            if (matrix[r] == null || matrix[r].length != columns) {
                throw new IllegalArgumentException(field + ": row " + r + " must have " + columns + " entries");
            }
            for (int c = 0; c < columns; c++) {
                if (!Double.isFinite(matrix[r][c])) {
                    throw new IllegalArgumentException(field + ": entry [" + r + "][" + c + "] is not finite");
                }
            }
            copy[r] = matrix[r].clone();
        }
        return copy;
    }

    static double[][] copySymmetric(double[][] matrix, String field, int size) {
        double[][] copy = copyRectangular(matrix, field, size);
        if (copy.length != size) {
            throw new IllegalArgumentException(field + ": expected " + size + " rows, was " + copy.length);
        }
        for (int i = 0; i < size; i++) {
            if (copy[i][i] <= 0) {
                throw new IllegalArgumentException(field + ": diagonal entry " + i + " must be positive, was " + copy[i][i]);
            }
            for (int j = 0; j < i; j++) {
                double tolerance = 1e-10 * Math.max(1, Math.abs(copy[i][j]));
                if (Math.abs(copy[i][j] - copy[j][i]) > tolerance) {
                    throw new IllegalArgumentException(field + ": not symmetric at [" + i + "][" + j + "]");
                }
            }
        }
        return copy;
    }

    static double[][] copy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int r = 0; r < matrix.length; r++) {
            copy[r] = matrix[r].clone();
        }
        return copy;
    }
}
