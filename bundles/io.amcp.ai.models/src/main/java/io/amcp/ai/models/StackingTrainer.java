package io.amcp.ai.models;

import io.amcp.ai.models.validation.LabelWindows;
import io.amcp.ai.models.validation.PurgedKFold;
import io.amcp.ai.models.validation.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link WeightedEnsemble} whose weights come from out-of-sample performance. Each base
 * trainer is cross-validated with a {@link PurgedKFold}; its out-of-fold log loss {@code L_m} is
 * compared with the no-skill loss {@code L_0} of predicting the class frequencies, and its weight is
 * {@code max(0, 1 - L_m / L_0)} normalised to sum 1 (equal weights when no base beats no-skill). Each
 * base is then refitted on all the data.
 *
 * @param bases base trainers, at least one
 * @param cv    the purged cross-validation scheme
 */
public record StackingTrainer(List<ModelTrainer> bases, PurgedKFold cv) implements ModelTrainer {

    public StackingTrainer {
        bases = List.copyOf(bases);
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("bases: at least one trainer is needed");
        }
        Objects.requireNonNull(cv, "cv");
    }

    @Override
    public String kind() {
        return WeightedEnsemble.KIND;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("folds", Integer.toString(cv.folds()));
        p.put("embargoBars", Integer.toString(cv.embargoBars()));
        for (int m = 0; m < bases.size(); m++) {
            ModelTrainer t = bases.get(m);
            p.put("base" + m, t.kind() + " " + t.parameters());
        }
        return p;
    }

    @Override
    public WeightedEnsemble fit(TrainingSet data, TrainingListener listener) {
        List<Split> splits = cv.splits(LabelWindows.of(data));
        int[] actual = data.classesOfSamples();
        double prior = ClassificationMetrics.priorLogLoss(actual, data.classes());
        double[] loss = new double[bases.size()];
        double[] skill = new double[bases.size()];
        long steps = (long) bases.size() * (splits.size() + 1);
        long done = 0;
        for (int m = 0; m < bases.size(); m++) {
            OutOfFold oof = OutOfFold.predict(bases.get(m), data, splits, TrainingListener.NONE);
            loss[m] = ClassificationMetrics.of(oof.actual(), oof.probabilities(), data.classes()).logLoss();
            skill[m] = Math.max(0, 1 - loss[m] / prior);
            done += splits.size();
            listener.progress("stacking: cross-validating " + bases.get(m).kind(), done, steps);
        }
        double total = 0;
        for (double s : skill) {
            total += s;
        }
        double[] weights = new double[bases.size()];
        for (int m = 0; m < weights.length; m++) {
            weights[m] = total > 0 ? skill[m] / total : 1.0 / weights.length;
        }
        List<Classifier> members = new ArrayList<>();
        for (ModelTrainer base : bases) {
            members.add(base.fit(data, TrainingListener.NONE));
            listener.progress("stacking: refitting " + base.kind(), ++done, steps);
        }
        return new WeightedEnsemble(members, weights, loss);
    }
}
