package io.amcp.ai.models;

import io.amcp.ai.models.internal.Models;
import io.amcp.ai.models.internal.XGBoostBooster;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient-boosted trees trained by XGBoost 2.1 (T. Chen and C. Guestrin, "XGBoost: a scalable tree
 * boosting system", KDD 2016): objective {@code multi:softprob}, the histogram tree method, one
 * boosting round per progress step. Produces an {@link XGBoostModel}.
 *
 * @param rounds          boosting rounds, at least 1
 * @param learningRate    shrinkage {@code eta} in (0, 1]
 * @param maxDepth        tree depth, at least 1
 * @param minChildWeight  smallest hessian sum in a leaf, not negative
 * @param subsample       fraction of rows per round in (0, 1]
 * @param featureFraction fraction of features per tree ({@code colsample_bytree}) in (0, 1]
 * @param lambda          L2 penalty on leaf weights, not negative
 * @param threads         XGBoost's threads, at least 1
 * @param seed            random seed
 */
public record XGBoostTrainer(int rounds, double learningRate, int maxDepth, double minChildWeight, double subsample,
        double featureFraction, double lambda, int threads, long seed) implements ModelTrainer {

    public XGBoostTrainer {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: must be at least 1, got " + rounds);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate: must be in (0, 1], got " + learningRate);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth: must be at least 1, got " + maxDepth);
        }
        if (!(minChildWeight >= 0)) {
            throw new IllegalArgumentException("minChildWeight: must not be negative, got " + minChildWeight);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample: must be in (0, 1], got " + subsample);
        }
        if (!(featureFraction > 0 && featureFraction <= 1)) {
            throw new IllegalArgumentException("featureFraction: must be in (0, 1], got " + featureFraction);
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda: must not be negative, got " + lambda);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be at least 1, got " + threads);
        }
    }

    /** 100 rounds at rate 0.05, depth 3, min child weight 1, 80% rows, 50% features, lambda 1, one thread. */
    public static XGBoostTrainer defaults(long seed) {
        return new XGBoostTrainer(100, 0.05, 3, 1, 0.8, 0.5, 1, 1, seed);
    }

    @Override
    public String kind() {
        return XGBoostModel.KIND;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rounds", Integer.toString(rounds));
        p.put("learningRate", Double.toString(learningRate));
        p.put("maxDepth", Integer.toString(maxDepth));
        p.put("minChildWeight", Double.toString(minChildWeight));
        p.put("subsample", Double.toString(subsample));
        p.put("featureFraction", Double.toString(featureFraction));
        p.put("lambda", Double.toString(lambda));
        p.put("threads", Integer.toString(threads));
        p.put("seed", Long.toString(seed));
        return p;
    }

    @Override
    public XGBoostModel fit(TrainingSet data, TrainingListener listener) {
        Models.samples(data);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "multi:softprob");
        params.put("num_class", data.classes());
        params.put("tree_method", "hist");
        params.put("eta", learningRate);
        params.put("max_depth", maxDepth);
        params.put("min_child_weight", minChildWeight);
        params.put("subsample", subsample);
        params.put("colsample_bytree", featureFraction);
        params.put("lambda", lambda);
        params.put("nthread", threads);
        params.put("seed", seed);
        params.put("verbosity", 0);
        XGBoostBooster booster = XGBoostBooster.train(data.rows(), data.classesOfSamples(), data.features(), params,
                rounds, round -> listener.progress(XGBoostModel.KIND, round, rounds));
        return new XGBoostModel(booster, data.features(), data.classes());
    }
}
