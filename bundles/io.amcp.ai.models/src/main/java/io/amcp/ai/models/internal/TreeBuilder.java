package io.amcp.ai.models.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one CART regression tree with {@code outputs} targets per row by histogram split search:
 * the split of a node maximises the decrease of the summed squared error over all outputs,
 * {@code sum_o (SL_o^2 / nL + SR_o^2 / nR - S_o^2 / n)}. With one-hot class targets that decrease is
 * {@code n} times the decrease of Gini impurity, so the same builder grows classification trees
 * (random forest) and the regression trees of gradient boosting.
 */
public final class TreeBuilder {

    /** Computes a leaf's outputs from its rows; the default is the mean target. */
    @FunctionalInterface
    public interface LeafValues {
        void compute(int[] rows, int from, int to, double[] out);
    }

    private final FeatureBins bins;
    private final double[] target;
    private final int outputs;
    private final int maxDepth;
    private final int minLeaf;
    private final int featuresPerSplit;
    private final SplittableRandom random;
    private final double[] importance;
    private final LeafValues leafValues;

    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private double[] value;
    private int nodes;
    private final int[] featureOrder;

    /**
     * @param bins             the binned features
     * @param target           row-major targets, {@code outputs} per row
     * @param outputs          targets per row
     * @param maxDepth         depth limit (a stump has depth 1)
     * @param minLeaf          fewest rows in a leaf
     * @param featuresPerSplit features tried per split (all when at least the feature count)
     * @param random           draws the features tried; may be null when all are tried
     * @param importance       receives the gain of each split under its feature
     * @param leafValues       leaf outputs; null for the mean target
     */
    public TreeBuilder(FeatureBins bins, double[] target, int outputs, int maxDepth, int minLeaf, int featuresPerSplit,
            SplittableRandom random, double[] importance, LeafValues leafValues) {
        this.bins = bins;
        this.target = target;
        this.outputs = outputs;
        this.maxDepth = maxDepth;
        this.minLeaf = Math.max(1, minLeaf);
        this.featuresPerSplit = Math.min(featuresPerSplit, bins.features());
        this.random = random;
        this.importance = importance;
        this.leafValues = leafValues != null ? leafValues : this::mean;
        this.value = new double[64 * outputs];
        this.featureOrder = new int[bins.features()];
        for (int f = 0; f < featureOrder.length; f++) {
            featureOrder[f] = f;
        }
    }

    /** Grows a tree on {@code rows} (row indices; repeats allowed, as in a bootstrap sample). */
    public DecisionTree build(int[] rows) {
        nodes = 0;
        int[] work = rows.clone();
        grow(work, 0, work.length, 0, new int[work.length]);
        return new DecisionTree(Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes), Arrays.copyOf(left, nodes),
                Arrays.copyOf(right, nodes), Arrays.copyOf(value, nodes * outputs), outputs);
    }

    private void mean(int[] rows, int from, int to, double[] out) {
        Arrays.fill(out, 0.0);
        for (int k = from; k < to; k++) {
            int base = rows[k] * outputs;
            for (int o = 0; o < outputs; o++) {
                out[o] += target[base + o];
            }
        }
        for (int o = 0; o < outputs; o++) {
            out[o] /= to - from;
        }
    }

    private int newNode() {
        if (nodes == feature.length) {
            int size = nodes * 2;
            feature = Arrays.copyOf(feature, size);
            threshold = Arrays.copyOf(threshold, size);
            left = Arrays.copyOf(left, size);
            right = Arrays.copyOf(right, size);
            value = Arrays.copyOf(value, size * outputs);
        }
        return nodes++;
    }

    private void grow(int[] rows, int from, int to, int depth, int[] scratch) {
        int node = newNode();
        int n = to - from;
        double[] total = new double[outputs];
        for (int k = from; k < to; k++) {
            int base = rows[k] * outputs;
            for (int o = 0; o < outputs; o++) {
                total[o] += target[base + o];
            }
        }
        int bestFeature = -1;
        int bestBin = -1;
        double bestGain = 1e-12;
        if (depth < maxDepth && n >= 2 * minLeaf) {
            double parent = 0;
            for (int o = 0; o < outputs; o++) {
                parent += total[o] * total[o] / n;
            }
            int tried = featuresPerSplit;
            if (tried < featureOrder.length) {
                for (int j = 0; j < tried; j++) {
                    int swap = j + random.nextInt(featureOrder.length - j);
                    int t = featureOrder[j];
                    featureOrder[j] = featureOrder[swap];
                    featureOrder[swap] = t;
                }
            }
            for (int j = 0; j < tried; j++) {
                int f = featureOrder[j];
                int binCount = bins.binCount(f);
                if (binCount < 2) {
                    continue;
                }
                int[] count = new int[binCount];
                double[] sum = new double[binCount * outputs];
                for (int k = from; k < to; k++) {
                    int r = rows[k];
                    int b = bins.bin(f, r);
                    count[b]++;
                    int base = r * outputs;
                    for (int o = 0; o < outputs; o++) {
                        sum[b * outputs + o] += target[base + o];
                    }
                }
                int nLeft = 0;
                double[] sumLeft = new double[outputs];
                for (int b = 0; b < binCount - 1; b++) {
                    nLeft += count[b];
                    for (int o = 0; o < outputs; o++) {
                        sumLeft[o] += sum[b * outputs + o];
                    }
                    int nRight = n - nLeft;
                    if (nLeft < minLeaf) {
                        continue;
                    }
                    if (nRight < minLeaf) {
                        break;
                    }
                    double gain = -parent;
                    for (int o = 0; o < outputs; o++) {
                        double sr = total[o] - sumLeft[o];
                        gain += sumLeft[o] * sumLeft[o] / nLeft + sr * sr / nRight;
                    }
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestFeature = f;
                        bestBin = b;
                    }
                }
            }
        }
        if (bestFeature < 0) {
            feature[node] = -1;
            double[] out = new double[outputs];
            leafValues.compute(rows, from, to, out);
            System.arraycopy(out, 0, value, node * outputs, outputs);
            return;
        }
        importance[bestFeature] += bestGain;
        int mid = from;
        int back = 0;
        for (int k = from; k < to; k++) {
            if (bins.bin(bestFeature, rows[k]) <= bestBin) {
                rows[mid++] = rows[k];
            } else {
                scratch[back++] = rows[k];
            }
        }
        System.arraycopy(scratch, 0, rows, mid, back);
        feature[node] = bestFeature;
        threshold[node] = bins.edge(bestFeature, bestBin);
        left[node] = nodes;
        grow(rows, from, mid, depth + 1, scratch);
        right[node] = nodes;
        grow(rows, mid, to, depth + 1, scratch);
    }
}
