package io.amcp.ai.models.internal;

import io.amcp.ai.models.Classifier;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/** Bagged classification trees; the probabilities are the mean of the trees' leaf class frequencies. */
public final class RandomForestModel implements Classifier {

    public static final String KIND = "random-forest";

    private final List<DecisionTree> trees;
    private final int features;
    private final int classes;
    private final double[] importance;

    public RandomForestModel(List<DecisionTree> trees, int features, int classes, double[] importance) {
        this.trees = List.copyOf(trees);
        this.features = features;
        this.classes = classes;
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
        return classes;
    }

    public List<DecisionTree> trees() {
        return trees;
    }

    @Override
    public double[] probabilities(double[] x) {
        Models.checkRow(x, features);
        double[] p = new double[classes];
        for (DecisionTree tree : trees) {
            int leaf = tree.leaf(x);
            for (int c = 0; c < classes; c++) {
                p[c] += tree.value(leaf, c);
            }
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= trees.size();
        }
        return p;
    }

    /** Tree by tree over the whole batch, so each tree's nodes stay in cache while every row walks it. */
    @Override
    public void probabilities(double[][] rows, double[][] out) {
        for (int i = 0; i < rows.length; i++) {
            Models.checkRow(rows[i], features);
            out[i] = new double[classes];
        }
        for (DecisionTree tree : trees) {
            for (int i = 0; i < rows.length; i++) {
                int leaf = tree.leaf(rows[i]);
                double[] p = out[i];
                for (int c = 0; c < classes; c++) {
                    p[c] += tree.value(leaf, c);
                }
            }
        }
        for (double[] p : out) {
            for (int c = 0; c < classes; c++) {
                p[c] /= trees.size();
            }
        }
    }

    @Override
    public double[] featureImportance() {
        return importance.clone();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(features);
        out.writeInt(classes);
        Models.writeArray(out, importance);
        DecisionTree.writeAll(out, trees);
    }

    static RandomForestModel read(DataInputStream in) throws IOException {
        int features = in.readInt();
        int classes = in.readInt();
        double[] importance = Models.readArray(in);
        List<DecisionTree> trees = DecisionTree.readAll(in);
        return new RandomForestModel(trees, features, classes, importance);
    }
}
