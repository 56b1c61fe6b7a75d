package io.amcp.ai.models;

import java.util.List;
import java.util.Objects;

/**
 * A weighted average of member classifiers' probabilities, as built by {@link StackingTrainer}:
 * {@code p(x) = sum_m w_m p_m(x)} with weights that are non-negative and sum to 1.
 */
public final class WeightedEnsemble implements Classifier {

    /** The kind name of ensembles. */
    public static final String KIND = "weighted-ensemble";

    private final List<Classifier> members;
    private final double[] weights;
    private final double[] memberLogLoss;

    /**
     * @param members       at least one classifier, all with the same features and classes
     * @param weights       one per member, non-negative, summing to 1 (within 1e-9)
     * @param memberLogLoss each member's out-of-sample log loss the weights came from (NaN if unknown)
     * @throws IllegalArgumentException naming the field at fault
     */
    public WeightedEnsemble(List<Classifier> members, double[] weights, double[] memberLogLoss) {
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(memberLogLoss, "memberLogLoss");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("members: at least one is needed");
        }
        if (weights.length != members.size() || memberLogLoss.length != members.size()) {
            throw new IllegalArgumentException("weights: " + weights.length + " weights and " + memberLogLoss.length
                    + " losses for " + members.size() + " members");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weights: must not be negative, got " + w);
            }
            sum += w;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("weights: must sum to 1, sum to " + sum);
        }
        Classifier first = members.get(0);
        for (Classifier m : members) {
            if (m.features() != first.features() || m.classes() != first.classes()) {
                throw new IllegalArgumentException("members: " + m.kind() + " has " + m.features() + " features/"
                        + m.classes() + " classes, the first has " + first.features() + "/" + first.classes());
            }
        }
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        this.memberLogLoss = memberLogLoss.clone();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int features() {
        return members.get(0).features();
    }

    @Override
    public int classes() {
        return members.get(0).classes();
    }

    public List<Classifier> members() {
        return members;
    }

    public double[] weights() {
        return weights.clone();
    }

    public double[] memberLogLoss() {
        return memberLogLoss.clone();
    }

    @Override
    public double[] probabilities(double[] x) {
        double[] p = new double[classes()];
        for (int m = 0; m < members.size(); m++) {
            if (weights[m] == 0) {
                continue;
            }
            double[] pm = members.get(m).probabilities(x);
            for (int c = 0; c < p.length; c++) {
                p[c] += weights[m] * pm[c];
            }
        }
        return p;
    }

    /** The weighted mean of the members' importances (members without one count as zero). */
    @Override
    public double[] featureImportance() {
        double[] out = new double[features()];
        for (int m = 0; m < members.size(); m++) {
            double[] imp = members.get(m).featureImportance();
            for (int f = 0; f < imp.length; f++) {
                out[f] += weights[m] * imp[f];
            }
        }
        return out;
    }
}
