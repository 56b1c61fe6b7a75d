package io.amcp.ai.research.nas;

import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.models.validation.Split;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Evolutionary neural architecture search by regularised (ageing) evolution (E. Real, A. Aggarwal,
 * Y. Huang, Q. V. Le, "Regularized Evolution for Image Classifier Architecture Search", AAAI 2019):
 * a random initial population, then repeatedly the fitter of two random members is mutated (one
 * change: a width, a layer added or removed, the activation, or the learning rate one step) and the
 * child replaces the oldest member. Fitness is the mean out-of-fold log-loss over the given
 * (purged) splits. The compute budget is a number of training epochs: each evaluation costs
 * {@code epochsPerCandidate} per split, and the search stops before exceeding the budget.
 *
 * @param population         members alive at once, at least 2
 * @param epochsPerCandidate training epochs per candidate and split, at least 1
 * @param budgetEpochs       total training epochs the search may spend
 * @param seed               random seed (architectures and training)
 */
public record ArchitectureSearch(int population, int epochsPerCandidate, int budgetEpochs, long seed) {

    static final int[] WIDTHS = {4, 8, 16, 32, 64, 128};
    static final double[] RATES = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2};

    public ArchitectureSearch {
        if (population < 2) {
            throw new IllegalArgumentException("population: must be at least 2, was " + population);
        }
        if (epochsPerCandidate < 1) {
            throw new IllegalArgumentException("epochsPerCandidate: must be at least 1, was " + epochsPerCandidate);
        }
        if (budgetEpochs < 1) {
            throw new IllegalArgumentException("budgetEpochs: must be at least 1, was " + budgetEpochs);
        }
    }

    /** One evaluated candidate. */
    public record Candidate(Architecture architecture, double logLoss, int epochsSpentAfter) {
    }

    /**
     * The search's outcome.
     *
     * @param best        the fittest architecture evaluated
     * @param bestLogLoss its mean out-of-fold log-loss
     * @param epochsSpent training epochs used, at most the budget
     * @param evaluated   every candidate in evaluation order
     */
    public record Result(Architecture best, double bestLogLoss, int epochsSpent, List<Candidate> evaluated) {
        public Result {
            evaluated = List.copyOf(evaluated);
        }
    }

    /**
     * Searches on {@code data} scored over {@code splits}.
     *
     * @throws IllegalArgumentException naming {@code budgetEpochs} when not even the first population fits
     */
    public Result search(TrainingSet data, List<Split> splits) {
        int cost = epochsPerCandidate * splits.size();
        if ((long) cost * population > budgetEpochs) {
            throw new IllegalArgumentException("budgetEpochs: " + budgetEpochs + " cannot train the first population of "
                    + population + " at " + cost + " epochs each");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Deque<Candidate> alive = new ArrayDeque<>();
        List<Candidate> evaluated = new ArrayList<>();
        int spent = 0;
        Candidate best = null;
        while (spent + cost <= budgetEpochs) {
            Architecture arch;
            if (evaluated.size() < population) {
                arch = random(random);
            } else {
                List<Candidate> members = new ArrayList<>(alive);
                Candidate a = members.get(random.nextInt(members.size()));
                Candidate b = members.get(random.nextInt(members.size()));
                arch = mutate(a.logLoss() <= b.logLoss() ? a.architecture() : b.architecture(), random);
            }
            double loss = score(arch, data, splits, epochsPerCandidate, seed + evaluated.size());
            spent += cost;
            Candidate c = new Candidate(arch, loss, spent);
            evaluated.add(c);
            alive.addLast(c);
            if (alive.size() > population) {
                alive.removeFirst();
            }
            if (best == null || loss < best.logLoss()) {
                best = c;
            }
        }
        return new Result(best.architecture(), best.logLoss(), spent, evaluated);
    }

    /** Mean out-of-fold log-loss of an architecture trained {@code epochs} on each split's training part. */
    public static double score(Architecture arch, TrainingSet data, List<Split> splits, int epochs, long seed) {
        double total = 0;
        int count = 0;
        for (Split s : splits) {
            Classifier model = new MlpTrainer(arch, epochs, seed).fit(data.subset(s.train()), TrainingListener.NONE);
            for (int i : s.test()) {
                total += logLoss(model.probabilities(data.x(i)), data.y(i));
                count++;
            }
        }
        return total / count;
    }

    /** {@code -ln p_y}, with p clamped to at least 1e-12. */
    public static double logLoss(double[] probabilities, int y) {
        return -Math.log(Math.max(1e-12, probabilities[y]));
    }

    private static Architecture random(SplittableRandom random) {
        int layers = random.nextInt(4);
        int[] hidden = new int[layers];
        for (int l = 0; l < layers; l++) {
            hidden[l] = WIDTHS[random.nextInt(WIDTHS.length)];
        }
        Activation[] acts = Activation.values();
        return new Architecture(hidden, acts[random.nextInt(acts.length)], RATES[random.nextInt(RATES.length)]);
    }

    static Architecture mutate(Architecture parent, SplittableRandom random) {
        int[] hidden = parent.hidden();
        Activation act = parent.activation();
        double rate = parent.learningRate();
        switch (random.nextInt(5)) {
            case 0 -> {
                if (hidden.length > 0) {
                    hidden[random.nextInt(hidden.length)] = WIDTHS[random.nextInt(WIDTHS.length)];
                } else {
                    hidden = new int[] {WIDTHS[random.nextInt(WIDTHS.length)]};
                }
            }
            case 1 -> {
                if (hidden.length < 3) {
                    int[] grown = java.util.Arrays.copyOf(hidden, hidden.length + 1);
                    grown[hidden.length] = WIDTHS[random.nextInt(WIDTHS.length)];
                    hidden = grown;
                }
            }
            case 2 -> {
                if (hidden.length > 0) {
                    hidden = java.util.Arrays.copyOf(hidden, hidden.length - 1);
                }
            }
            case 3 -> {
                Activation[] acts = Activation.values();
                act = acts[random.nextInt(acts.length)];
            }
            default -> {
                int i = java.util.Arrays.binarySearch(RATES, rate);
                int j = i < 0 ? 2 : Math.max(0, Math.min(RATES.length - 1, i + (random.nextBoolean() ? 1 : -1)));
                rate = RATES[j];
            }
        }
        return new Architecture(hidden, act, rate);
    }
}
