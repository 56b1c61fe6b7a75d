package io.amcp.ai.models.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A binary tree in flat arrays. Internal node {@code k} sends a row left when
 * {@code x[feature[k]] <= threshold[k]} (NaN read as 0); a leaf ({@code feature[k] < 0}) holds
 * {@code outputs} values starting at {@code value[k * outputs]}.
 */
public final class DecisionTree {

    final int[] feature;
    final double[] threshold;
    final int[] left;
    final int[] right;
    final double[] value;
    final int outputs;

    DecisionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, int outputs) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        this.outputs = outputs;
    }

    /** Index of the leaf that row {@code x} reaches. */
    public int leaf(double[] x) {
        int k = 0;
        while (feature[k] >= 0) {
            k = FeatureBins.value(x[feature[k]]) <= threshold[k] ? left[k] : right[k];
        }
        return k;
    }

    /** Output {@code o} of leaf {@code leaf}. */
    public double value(int leaf, int o) {
        return value[leaf * outputs + o];
    }

    public int nodes() {
        return feature.length;
    }

    /** Node {@code k}'s split feature, -1 for a leaf. */
    public int feature(int k) {
        return feature[k];
    }

    public double threshold(int k) {
        return threshold[k];
    }

    public int left(int k) {
        return left[k];
    }

    public int right(int k) {
        return right[k];
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(feature.length);
        out.writeInt(outputs);
        for (int k = 0; k < feature.length; k++) {
            out.writeInt(feature[k]);
            out.writeDouble(threshold[k]);
            out.writeInt(left[k]);
            out.writeInt(right[k]);
            for (int o = 0; o < outputs; o++) {
                out.writeDouble(value[k * outputs + o]);
            }
        }
    }

    static DecisionTree read(DataInputStream in) throws IOException {
        int n = in.readInt();
        int outputs = in.readInt();
        if (n < 1 || outputs < 1 || (long) n * outputs > 50_000_000L) {
            throw new IOException("tree: implausible size " + n + " nodes x " + outputs + " outputs");
        }
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] value = new double[n * outputs];
        for (int k = 0; k < n; k++) {
            feature[k] = in.readInt();
            threshold[k] = in.readDouble();
            left[k] = in.readInt();
            right[k] = in.readInt();
            for (int o = 0; o < outputs; o++) {
                value[k * outputs + o] = in.readDouble();
            }
            if (feature[k] >= 0 && (left[k] <= k || right[k] <= k || left[k] >= n || right[k] >= n)) {
                throw new IOException("tree: node " + k + " has invalid children " + left[k] + "/" + right[k]);
            }
        }
        return new DecisionTree(feature, threshold, left, right, value, outputs);
    }

    /** Writes a count, then each tree. */
    static void writeAll(DataOutputStream out, List<DecisionTree> trees) throws IOException {
        out.writeInt(trees.size());
        for (DecisionTree t : trees) {
            t.write(out);
        }
    }

    /** Reads what {@link #writeAll} wrote. */
    static List<DecisionTree> readAll(DataInputStream in) throws IOException {
        DecisionTree[] trees = new DecisionTree[Models.checkCount(in.readInt(), "trees")];
        for (int i = 0; i < trees.length; i++) {
            trees[i] = read(in);
        }
        return List.of(trees);
    }
}
