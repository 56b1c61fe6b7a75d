package io.amcp.ai.models;

import io.amcp.ai.models.internal.DecisionTree;
import io.amcp.ai.models.internal.FeatureBins;
import io.amcp.ai.models.internal.Models;
import io.amcp.ai.models.internal.RandomForestModel;
import io.amcp.ai.models.internal.TreeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random forest (Breiman 2001): {@code trees} CART classification trees (Gini splits), each grown on
 * a bootstrap sample with {@code featuresPerSplit} features drawn at every split; the forest's
 * probabilities are the mean leaf class frequencies. Feature importance is the mean decrease in
 * impurity, normalised to sum 1. Deterministic for a seed.
 *
 * @param trees            number of trees, at least 1
 * @param maxDepth         depth limit, at least 1
 * @param minLeaf          fewest samples per leaf, at least 1
 * @param featuresPerSplit features tried per split; 0 for the square root of the feature count
 * @param maxBins          histogram bins per feature, 2 to 128
 * @param seed             random seed
 */
public record RandomForestTrainer(int trees, int maxDepth, int minLeaf, int featuresPerSplit, int maxBins, long seed)
        implements ModelTrainer {

    public RandomForestTrainer {
        if (trees < 1) {
            throw new IllegalArgumentException("trees: must be at least 1, got " + trees);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth: must be at least 1, got " + maxDepth);
        }
        if (minLeaf < 1) {
            throw new IllegalArgumentException("minLeaf: must be at least 1, got " + minLeaf);
        }
        if (featuresPerSplit < 0) {
            throw new IllegalArgumentException("featuresPerSplit: must not be negative, got " + featuresPerSplit);
        }
        if (maxBins < 2 || maxBins > 128) {
            throw new IllegalArgumentException("maxBins: must be in [2, 128], got " + maxBins);
        }
    }

    /** 100 trees of depth 8, leaves of at least 5, sqrt features, 64 bins. */
    public static RandomForestTrainer defaults(long seed) {
        return new RandomForestTrainer(100, 8, 5, 0, 64, seed);
    }

    @Override
    public String kind() {
        return RandomForestModel.KIND;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("trees", Integer.toString(trees));
        p.put("maxDepth", Integer.toString(maxDepth));
        p.put("minLeaf", Integer.toString(minLeaf));
        p.put("featuresPerSplit", featuresPerSplit == 0 ? "sqrt" : Integer.toString(featuresPerSplit));
        p.put("maxBins", Integer.toString(maxBins));
        p.put("seed", Long.toString(seed));
        return p;
    }

    @Override
    public Classifier fit(TrainingSet data, TrainingListener listener) {
        int n = Models.samples(data);
        int k = data.classes();
        int d = data.features();
        FeatureBins bins = FeatureBins.of(data.rows(), maxBins);
        double[] target = new double[n * k];
        for (int i = 0; i < n; i++) {
            target[i * k + data.y(i)] = 1.0;
        }
        int mtry = featuresPerSplit == 0 ? Math.max(1, (int) Math.round(Math.sqrt(d))) : featuresPerSplit;
        SplittableRandom random = new SplittableRandom(seed);
        double[] importance = new double[d];
        List<DecisionTree> forest = new ArrayList<>(trees);
        for (int t = 0; t < trees; t++) {
            SplittableRandom treeRandom = random.split();
            int[] sample = new int[n];
            for (int i = 0; i < n; i++) {
                sample[i] = treeRandom.nextInt(n);
            }
            forest.add(new TreeBuilder(bins, target, k, maxDepth, minLeaf, mtry, treeRandom, importance, null)
                    .build(sample));
            listener.progress(RandomForestModel.KIND, t + 1, trees);
        }
        return new RandomForestModel(forest, d, k, Models.normalise(importance));
    }
}
