package io.amcp.ai.models.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TreeBuilderTest {

    /**
     * x = 1..8, classes 0 0 1 1 1 1 0 0, one-hot targets, depth 2. Gain of "x <= k + 0.5" is
     * sum_o SL_o^2/nL + SR_o^2/nR - S_o^2/n with S = (4, 4), n = 8 (parent term 4):
     * k=1: 1 + 25/7 - 4 = 0.571; k=2: 2 + 20/6 - 4 = 1.333; k=3: 5/3 + 13/5 - 4 = 0.267; k=4: 0;
     * k=5: 0.267; k=6: 1.333 (tie, the first wins); k=7: 0.571. Root: x <= 2.5. Its right child
     * (x = 3..8, classes 1 1 1 1 0 0, parent 20/6): "x <= 6.5" gives 16/4 + 4/2 - 20/6 = 2.667, pure leaves.
     */
    @Test
    void growsTheHandComputedGiniTree() {
        double[][] x = new double[8][];
        int[] y = {0, 0, 1, 1, 1, 1, 0, 0};
        double[] target = new double[16];
        int[] rows = new int[8];
        for (int i = 0; i < 8; i++) {
            x[i] = new double[] {i + 1};
            target[i * 2 + y[i]] = 1;
            rows[i] = i;
        }
        double[] importance = new double[1];
        DecisionTree tree = new TreeBuilder(FeatureBins.of(x, 64), target, 2, 2, 1, 1, null, importance, null)
                .build(rows);
        assertThat(tree.nodes()).isEqualTo(5);
        assertThat(tree.feature(0)).isZero();
        assertThat(tree.threshold(0)).isEqualTo(2.5);
        assertThat(tree.feature(tree.left(0))).isEqualTo(-1);
        assertThat(tree.value(tree.left(0), 0)).isEqualTo(1.0);
        int right = tree.right(0);
        assertThat(tree.threshold(right)).isEqualTo(6.5);
        assertThat(tree.value(tree.left(right), 1)).isEqualTo(1.0);
        assertThat(tree.value(tree.right(right), 0)).isEqualTo(1.0);
        assertThat(importance[0]).isCloseTo(4.0 / 3 + 8.0 / 3, within(1e-12));
        assertThat(tree.leaf(new double[] {7})).isEqualTo(tree.right(right));
        assertThat(tree.leaf(new double[] {Double.NaN})).isEqualTo(tree.left(0));
    }

    @Test
    void quantileBinsKeepSplitsBetweenDistinctValues() {
        double[][] x = new double[1000][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {i % 500};
        }
        FeatureBins bins = FeatureBins.of(x, 16);
        assertThat(bins.binCount(0)).isEqualTo(16);
        for (int b = 0; b < 15; b++) {
            // edges fall half way between two integers
            assertThat(bins.edge(0, b) % 1.0).isEqualTo(0.5);
        }
        for (int i = 0; i < x.length; i++) {
            int b = bins.bin(0, i);
            assertThat(b == 15 || x[i][0] <= bins.edge(0, b)).isTrue();
            assertThat(b == 0 || x[i][0] > bins.edge(0, b - 1)).isTrue();
        }
    }
}
