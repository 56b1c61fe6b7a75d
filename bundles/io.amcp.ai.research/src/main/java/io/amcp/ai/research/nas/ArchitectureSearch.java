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
 * <p>With {@code window} above 1 the samples hold that many feature rows (oldest first, see
 * {@link ArchitectureStudy#windowedSamples}) and the space also holds recurrent networks: an LSTM of
 * 4 to 32 units over the last 2, 4, 8 or 16 rows (fewer than {@code window}) or all {@code window}
 * rows before the MLP. A random
 * member has an LSTM with odds one half; one more mutation adds, removes or resizes the LSTM. An
 * LSTM epoch counts as one epoch of the budget like an MLP epoch, although it costs about
 * {@code 4 steps} times the arithmetic of a one-layer MLP of the same width.
 *
 * @param population         members alive at once, at least 2
 * @param epochsPerCandidate training epochs per candidate and split, at least 1
 * @param budgetEpochs       total training epochs the search may spend
 * @param seed               random seed (architectures and training)
 * @param window             feature rows per sample, 1 for an MLP-only search on plain rows
 */
public record ArchitectureSearch(int population, int epochsPerCandidate, int budgetEpochs, long seed, int window) {

    static final int[] WIDTHS = {4, 8, 16, 32, 64, 128};
    static final double[] RATES = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2};
    static final int[] UNITS = {4, 8, 16, 32};
    static final int[] STEPS = {2, 4, 8, 16};

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
        if (window < 1) {
            throw new IllegalArgumentException("window: must be at least 1, was " + window);
        }
    }

    /** An MLP-only search on plain feature rows. */
    public ArchitectureSearch(int population, int epochsPerCandidate, int budgetEpochs, long seed) {
        this(population, epochsPerCandidate, budgetEpochs, seed, 1);
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
                arch = random(random, window);
            } else {
                List<Candidate> members = new ArrayList<>(alive);
                Candidate a = members.get(random.nextInt(members.size()));
                Candidate b = members.get(random.nextInt(members.size()));
                arch = mutate(a.logLoss() <= b.logLoss() ? a.architecture() : b.architecture(), random, window);
            }
            double loss = score(arch, data.features() / window, data, splits, epochsPerCandidate, seed + evaluated.size());
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

    /**
     * Mean out-of-fold log-loss of an architecture trained {@code epochs} by a {@link SequenceTrainer}
     * on each split's training part, samples being rows of {@code rowWidth} features.
     */
    public static double score(Architecture arch, int rowWidth, TrainingSet data, List<Split> splits, int epochs,
            long seed) {
        double total = 0;
        int count = 0;
        for (Split s : splits) {
            Classifier model = new SequenceTrainer(arch, rowWidth, epochs, seed).fit(data.subset(s.train()),
                    TrainingListener.NONE);
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

    private static Architecture random(SplittableRandom random, int window) {
        int layers = random.nextInt(4);
        int[] hidden = new int[layers];
        for (int l = 0; l < layers; l++) {
            hidden[l] = WIDTHS[random.nextInt(WIDTHS.length)];
        }
        Activation[] acts = Activation.values();
        Activation act = acts[random.nextInt(acts.length)];
        double rate = RATES[random.nextInt(RATES.length)];
        if (window > 1 && random.nextBoolean()) {
            return new Architecture(hidden, act, rate, UNITS[random.nextInt(UNITS.length)], steps(random, window));
        }
        return new Architecture(hidden, act, rate);
    }

    /** One of the {@link #STEPS} below {@code window}, or {@code window} itself, with equal odds. */
    private static int steps(SplittableRandom random, int window) {
        int below = 0;
        while (below < STEPS.length && STEPS[below] < window) {
            below++;
        }
        int pick = random.nextInt(below + 1);
        return pick == below ? window : STEPS[pick];
    }

    static Architecture mutate(Architecture parent, SplittableRandom random, int window) {
        int[] hidden = parent.hidden();
        Activation act = parent.activation();
        double rate = parent.learningRate();
        int units = parent.recurrent();
        int steps = parent.steps();
        switch (random.nextInt(window > 1 ? 6 : 5)) {
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
            case 5 -> {
                int change = units == 0 ? 0 : random.nextInt(3);
                if (change == 0 && units == 0) {
                    units = UNITS[random.nextInt(UNITS.length)];
                    steps = steps(random, window);
                } else if (change == 0) {
                    units = 0;
                    steps = 1;
                } else if (change == 1) {
                    units = UNITS[random.nextInt(UNITS.length)];
                } else {
                    steps = steps(random, window);
                }
            }
            default -> {
                int i = java.util.Arrays.binarySearch(RATES, rate);
                int j = i < 0 ? 2 : Math.max(0, Math.min(RATES.length - 1, i + (random.nextBoolean() ? 1 : -1)));
                rate = RATES[j];
            }
        }
        return new Architecture(hidden, act, rate, units, steps);
    }
}
