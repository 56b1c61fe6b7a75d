package io.amcp.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class MatricesTest {

    /** {@code rows[asset][day]} and the same data as commons-math3 wants it, {@code [day][asset]}. */
    private static double[][] randomReturns(int assets, int days, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[assets][days];
        for (int d = 0; d < days; d++) {
            double market = random.nextGaussian() * 0.01;
            for (int a = 0; a < assets; a++) {
                rows[a][d] = (0.5 + 0.1 * a) * market + random.nextGaussian() * 0.005 * (a + 1);
            }
        }
        return rows;
    }

    private static double[][] transpose(double[][] rows) {
        double[][] columns = new double[rows[0].length][rows.length];
        for (int a = 0; a < rows.length; a++) {
            for (int d = 0; d < rows[0].length; d++) {
                columns[d][a] = rows[a][d];
            }
        }
        return columns;
    }

    @Test
    void covarianceMatchesCommonsMath() {
        double[][] rows = randomReturns(6, 250, 1);
        double[] covariance = Matrices.covariance(rows);
        double[][] expected = new Covariance(transpose(rows)).getCovarianceMatrix().getData();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(covariance[i * 6 + j]).isCloseTo(expected[i][j], within(1e-15));
            }
        }
    }

    @Test
    void correlationMatchesPearsonsCorrelation() {
        double[][] rows = randomReturns(6, 250, 2);
        double[][] correlation = Matrices.correlation(Matrices.covariance(rows), 6);
        double[][] expected = new PearsonsCorrelation(transpose(rows)).getCorrelationMatrix().getData();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(correlation[i][j]).isCloseTo(expected[i][j], within(1e-12));
            }
        }
    }

    @Test
    void choleskyMatchesCommonsMathAndRebuildsTheMatrix() {
        double[] covariance = Matrices.covariance(randomReturns(5, 120, 3));
        double[][] square = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                square[i][j] = covariance[i * 5 + j];
            }
        }
        double[][] expected = new org.apache.commons.math3.linear.CholeskyDecomposition(
                new Array2DRowRealMatrix(square), 1e-12, 1e-20).getL().getData();
        double[] lower = Matrices.cholesky(covariance, 5);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(lower[i * 5 + j]).isCloseTo(expected[i][j], within(1e-14));
            }
        }
    }

    @Test
    void semiDefiniteCovarianceOfDuplicatedAssetsFactorsWithAZeroColumn() {
        // asset 1 is asset 0 twice over: covariance [[1, 2], [2, 4]] = L L' with L = [[1, 0], [2, 0]]
        double[] lower = Matrices.cholesky(new double[] {1, 2, 2, 4}, 2);
        assertThat(lower).containsExactly(1.0, 0.0, 2.0, 0.0);
    }

    @Test
    void indefiniteMatrixIsRejected() {
        assertThatThrownBy(() -> Matrices.cholesky(new double[] {1, 2, 2, 1}, 2))
                .hasMessageStartingWith("covariance: not positive semi-definite");
    }
}
