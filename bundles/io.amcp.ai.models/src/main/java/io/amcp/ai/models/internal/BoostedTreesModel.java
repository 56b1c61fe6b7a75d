package io.amcp.ai.models.internal;

import io.amcp.ai.models.Classifier;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Multi-class gradient-boosted trees (Friedman 2001, algorithm 6): class score
 * {@code F_k(x) = F0_k + rate * sum of round trees_k(x)}, probabilities the softmax of the scores.
 * Round {@code m} holds one regression tree per class, at {@code trees.get(m * classes + k)}.
 */
public final class BoostedTreesModel implements Classifier {

    public static final String KIND = "gradient-boosting";

    private final List<DecisionTree> trees;
    private final double[] initial;
    private final double rate;
    private final int features;
    private final double[] importance;

    public BoostedTreesModel(List<DecisionTree> trees, double[] initial, double rate, int features, double[] importance) {
        this.trees = List.copyOf(trees);
        this.initial = initial.clone();
        this.rate = rate;
        this.features = features;
        this.importance = importance.clone();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public int classes() {
        return initial.length;
    }

    /** Number of boosting rounds. */
    public int rounds() {
        return trees.size() / initial.length;
    }

    @Override
    public double[] probabilities(double[] x) {
        return probabilities(x, rounds());
    }

    /** Probabilities after the first {@code rounds} rounds only (for learning curves). */
    public double[] probabilities(double[] x, int rounds) {
        Models.checkRow(x, features);
        int k = initial.length;
        double[] score = initial.clone();
        for (int m = 0; m < rounds; m++) {
            for (int c = 0; c < k; c++) {
                DecisionTree t = trees.get(m * k + c);
                score[c] += rate * t.value(t.leaf(x), 0);
            }
        }
        return Models.softmax(score);
    }

    /** Tree by tree over the whole batch, so each tree's nodes stay in cache while every row walks it. */
    @Override
    public void probabilities(double[][] rows, double[][] out) {
        int k = initial.length;
        for (int i = 0; i < rows.length; i++) {
            Models.checkRow(rows[i], features);
            out[i] = initial.clone();
        }
        for (int t = 0; t < trees.size(); t++) {
            DecisionTree tree = trees.get(t);
            int c = t % k;
            for (int i = 0; i < rows.length; i++) {
                out[i][c] += rate * tree.value(tree.leaf(rows[i]), 0);
            }
        }
        for (int i = 0; i < rows.length; i++) {
            out[i] = Models.softmax(out[i]);
        }
    }

    @Override
    public double[] featureImportance() {
        return importance.clone();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(features);
        out.writeDouble(rate);
        Models.writeArray(out, initial);
        Models.writeArray(out, importance);
        DecisionTree.writeAll(out, trees);
    }

    static BoostedTreesModel read(DataInputStream in) throws IOException {
        int features = in.readInt();
        double rate = in.readDouble();
        double[] initial = Models.readArray(in);
        double[] importance = Models.readArray(in);
        List<DecisionTree> trees = DecisionTree.readAll(in);
        return new BoostedTreesModel(trees, initial, rate, features, importance);
    }
}
