package io.amcp.ai.models;

import io.amcp.ai.models.internal.BoostedTreesModel;
import io.amcp.ai.models.internal.DecisionTree;
import io.amcp.ai.models.internal.FeatureBins;
import io.amcp.ai.models.internal.Models;
import io.amcp.ai.models.internal.TreeBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Multi-class gradient boosting of regression trees (J. H. Friedman, "Greedy function approximation:
 * a gradient boosting machine", Annals of Statistics 29(5), 2001, algorithm 6, "L_K-TreeBoost").
 * Scores start at the log class priors {@code F0_k = ln((n_k + 1) / (n + K))}. In each round, for each
 * class {@code k}, a tree of depth {@code maxDepth} is fitted by least squares to the residuals
 * {@code r_ik = y_ik - p_k(x_i)} of a {@code subsample} of the rows, its leaves are set to the Newton
 * step {@code gamma = (K - 1) / K * sum r / sum |r| (1 - |r|)}, and {@code F_k += learningRate * tree}.
 *
 * @param rounds          boosting rounds, at least 1
 * @param learningRate    shrinkage in (0, 1]
 * @param maxDepth        tree depth, at least 1
 * @param minLeaf         fewest samples per leaf, at least 1
 * @param subsample       fraction of rows per round in (0, 1]
 * @param featureFraction fraction of features tried per split in (0, 1]
 * @param maxBins         histogram bins per feature, 2 to 128
 * @param seed            random seed
 */
public record GradientBoostingTrainer(int rounds, double learningRate, int maxDepth, int minLeaf, double subsample,
        double featureFraction, int maxBins, long seed) implements ModelTrainer {

    public GradientBoostingTrainer {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: must be at least 1, got " + rounds);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate: must be in (0, 1], got " + learningRate);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth: must be at least 1, got " + maxDepth);
        }
        if (minLeaf < 1) {
            throw new IllegalArgumentException("minLeaf: must be at least 1, got " + minLeaf);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample: must be in (0, 1], got " + subsample);
        }
        if (!(featureFraction > 0 && featureFraction <= 1)) {
            throw new IllegalArgumentException("featureFraction: must be in (0, 1], got " + featureFraction);
        }
        if (maxBins < 2 || maxBins > 128) {
            throw new IllegalArgumentException("maxBins: must be in [2, 128], got " + maxBins);
        }
    }

    /** 100 rounds at rate 0.05, depth 3, leaves of at least 10, 80% rows, 50% features, 64 bins. */
    public static GradientBoostingTrainer defaults(long seed) {
        return new GradientBoostingTrainer(100, 0.05, 3, 10, 0.8, 0.5, 64, seed);
    }

    @Override
    public String kind() {
        return BoostedTreesModel.KIND;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rounds", Integer.toString(rounds));
        p.put("learningRate", Double.toString(learningRate));
        p.put("maxDepth", Integer.toString(maxDepth));
        p.put("minLeaf", Integer.toString(minLeaf));
        p.put("subsample", Double.toString(subsample));
        p.put("featureFraction", Double.toString(featureFraction));
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
        int[] counts = data.classCounts();
        double[] initial = new double[k];
        for (int c = 0; c < k; c++) {
            initial[c] = Math.log((counts[c] + 1.0) / (n + k));
        }
        double[][] score = new double[n][];
        for (int i = 0; i < n; i++) {
            score[i] = initial.clone();
        }
        double[] residual = new double[n];
        int mtry = Math.max(1, (int) Math.round(featureFraction * d));
        int sampleSize = Math.max(1, (int) Math.round(subsample * n));
        SplittableRandom random = new SplittableRandom(seed);
        double[] importance = new double[d];
        double scale = (k - 1.0) / k;
        TreeBuilder.LeafValues newton = (rows, from, to, out) -> {
            double num = 0;
            double den = 0;
            for (int j = from; j < to; j++) {
                double r = residual[rows[j]];
                num += r;
                den += Math.abs(r) * (1 - Math.abs(r));
            }
            out[0] = den < 1e-12 ? 0.0 : scale * num / den;
        };
        List<DecisionTree> trees = new ArrayList<>(rounds * k);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int m = 0; m < rounds; m++) {
            double[][] p = new double[n][];
            for (int i = 0; i < n; i++) {
                p[i] = Models.softmax(score[i]);
            }
            int[] sample = sampleSize == n ? all : sampleWithoutReplacement(random, n, sampleSize);
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < n; i++) {
                    residual[i] = (data.y(i) == c ? 1.0 : 0.0) - p[i][c];
                }
                DecisionTree tree = new TreeBuilder(bins, residual, 1, maxDepth, minLeaf, mtry, random, importance, newton)
                        .build(sample);
                trees.add(tree);
                for (int i = 0; i < n; i++) {
                    score[i][c] += learningRate * tree.value(tree.leaf(data.x(i)), 0);
                }
            }
            listener.progress(BoostedTreesModel.KIND, m + 1, rounds);
        }
        return new BoostedTreesModel(trees, initial, learningRate, d, Models.normalise(importance));
    }

    private static int[] sampleWithoutReplacement(SplittableRandom random, int n, int size) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = Arrays.copyOf(perm, size);
        Arrays.sort(out);
        return out;
    }
}
