package io.amcp.ai.research.nas;

import io.amcp.ai.features.FeatureEngine;
import io.amcp.ai.features.FeatureMatrix;
import io.amcp.ai.features.TripleBarrier;
import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.LogisticRegressionTrainer;
import io.amcp.ai.models.ModelTrainer;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.models.validation.LabelWindows;
import io.amcp.ai.models.validation.PurgedKFold;
import io.amcp.ai.models.validation.Split;
import io.amcp.ai.models.validation.WalkForward;
import io.amcp.ai.research.report.ResearchReport;
import io.amcp.api.model.BarSeries;
import java.util.List;
import java.util.Locale;

/**
 * Neural architecture search judged out of sample on real bars. Samples: the 134 standard features
 * and triple-barrier labels (1 x volatility barriers, 12 bars, 20-bar volatility). The search sees
 * only the first half of the samples, scored by purged 3-fold cross-validation (12-bar embargo).
 * The chosen architecture, the fixed default ({@link Architecture#defaults()}) and logistic
 * regression ({@link LogisticRegressionTrainer#defaults()}) are then compared by purged walk-forward
 * over the second half (expanding window, test blocks of a tenth of the samples, 12-bar embargo):
 * pooled out-of-sample log-loss and accuracy. The class prior (each training part's class
 * frequencies, add-one smoothed, predicted for every test sample) is the floor every model must
 * clear: the search beats its baselines only when its log-loss is below all three.
 *
 * <p>With {@code window} above 1 the search also holds recurrent networks (an LSTM over up to
 * {@code window} consecutive bars' feature rows, see {@link ArchitectureSearch}); the report says
 * whether one was chosen, and gives the walk-forward figures of the best recurrent candidate too.
 *
 * @param dataset            name for the report
 * @param series             the bars
 * @param population         search population
 * @param epochsPerCandidate epochs per candidate and fold
 * @param budgetEpochs       search budget in epochs
 * @param finalEpochs        epochs to train each MLP in the walk-forward
 * @param seed               random seed
 * @param window             feature rows per sample, 1 for an MLP-only search
 */
public record ArchitectureStudy(String dataset, BarSeries series, int population, int epochsPerCandidate,
        int budgetEpochs, int finalEpochs, long seed, int window) {

    /** An MLP-only study. */
    public ArchitectureStudy(String dataset, BarSeries series, int population, int epochsPerCandidate, int budgetEpochs,
            int finalEpochs, long seed) {
        this(dataset, series, population, epochsPerCandidate, budgetEpochs, finalEpochs, seed, 1);
    }

    /** Embargo of the purged splits, in bars (the triple barrier's horizon). */
    public static final int EMBARGO = 12;

    /**
     * Outcome: pooled walk-forward figures of the three models; {@code bestRecurrent} is the recurrent
     * candidate with the lowest search log-loss and {@code recurrentLogLoss}/{@code recurrentAccuracy}
     * its walk-forward figures (null and NaN when the search evaluated none).
     */
    public record Outcome(ArchitectureSearch.Result search, double nasLogLoss, double defaultLogLoss, double logisticLogLoss,
            double priorLogLoss, double nasAccuracy, double defaultAccuracy, double logisticAccuracy, int testSamples,
            Architecture bestRecurrent, double recurrentLogLoss, double recurrentAccuracy, ResearchReport report) {
    }

    /** The labelled samples of a series. */
    public static TrainingSet samples(BarSeries series) {
        FeatureMatrix features = FeatureEngine.standard().compute(series);
        return TrainingSet.fromTripleBarrier(features, TripleBarrier.of(1.0, 1.0, EMBARGO, 20).label(series),
                features.registry().maxLookback() - 1);
    }

    /**
     * The samples of {@link #samples} with each sample's features replaced by the feature rows of its
     * bar and the {@code window - 1} bars before it, oldest first ({@code window x 134} values; rows
     * before the series' first bar are missing values). Feature names get a suffix {@code @-k} for
     * the row {@code k} bars back.
     */
    public static TrainingSet windowedSamples(BarSeries series, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window: must be at least 1, was " + window);
        }
        FeatureMatrix features = FeatureEngine.standard().compute(series);
        TrainingSet plain = TrainingSet.fromTripleBarrier(features, TripleBarrier.of(1.0, 1.0, EMBARGO, 20).label(series),
                features.registry().maxLookback() - 1);
        if (window == 1) {
            return plain;
        }
        int width = plain.features();
        int n = plain.size();
        double[][] x = new double[n][window * width];
        int[] y = new int[n];
        int[] start = new int[n];
        int[] end = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            int bar = plain.labelStart(i);
            for (int k = 0; k < window; k++) {
                int row = bar - (window - 1 - k);
                if (row >= 0) {
                    System.arraycopy(features.row(row), 0, x[i], k * width, width);
                } else {
                    java.util.Arrays.fill(x[i], k * width, (k + 1) * width, Double.NaN);
                }
            }
            y[i] = plain.y(i);
            start[i] = bar;
            end[i] = plain.labelEnd(i);
            time[i] = plain.time(i);
        }
        List<String> names = new java.util.ArrayList<>();
        for (int k = window - 1; k >= 0; k--) {
            for (String name : plain.featureNames()) {
                names.add(k == 0 ? name : name + "@-" + k);
            }
        }
        return TrainingSet.of(x, y, start, end, time, names, plain.classes());
    }

    /** Runs the search and the walk-forward comparison. */
    public Outcome run() {
        TrainingSet data = samples(series);
        TrainingSet windowed = windowedSamples(series, window);
        int half = data.size() / 2;
        int[] first = new int[half];
        for (int i = 0; i < half; i++) {
            first[i] = i;
        }
        TrainingSet searchData = windowed.subset(first);
        List<Split> folds = PurgedKFold.of(3, EMBARGO).splits(LabelWindows.of(searchData));
        ArchitectureSearch.Result search = new ArchitectureSearch(population, epochsPerCandidate, budgetEpochs, seed, window)
                .search(searchData, folds);
        List<Split> walk = WalkForward.of(half, Math.max(1, data.size() / 10), 0, EMBARGO).splits(LabelWindows.of(data));
        int width = data.features();
        double[] nas = evaluate(new SequenceTrainer(search.best(), width, finalEpochs, seed), windowed, walk);
        Architecture bestRecurrent = search.evaluated().stream().filter(c -> c.architecture().isRecurrent())
                .min(java.util.Comparator.comparingDouble(ArchitectureSearch.Candidate::logLoss))
                .map(ArchitectureSearch.Candidate::architecture).orElse(null);
        double[] rec = bestRecurrent == null ? new double[] {Double.NaN, Double.NaN}
                : bestRecurrent.equals(search.best()) ? nas
                : evaluate(new SequenceTrainer(bestRecurrent, width, finalEpochs, seed), windowed, walk);
        long recurrentCandidates = search.evaluated().stream().filter(c -> c.architecture().isRecurrent()).count();
        double[] def = evaluate(new MlpTrainer(Architecture.defaults(), finalEpochs, seed), data, walk);
        double[] lr = evaluate(LogisticRegressionTrainer.defaults(), data, walk);
        double prior = priorLogLoss(data, walk);
        int tests = (int) nas[2];
        boolean beat = nas[0] < def[0] && nas[0] < lr[0] && nas[0] < prior;
        double[] bestSoFar = new double[search.evaluated().size()];
        double running = Double.POSITIVE_INFINITY;
        for (int i = 0; i < bestSoFar.length; i++) {
            running = Math.min(running, search.evaluated().get(i).logLoss());
            bestSoFar[i] = running;
        }
        double[] each = search.evaluated().stream().mapToDouble(ArchitectureSearch.Candidate::logLoss).toArray();
        ResearchReport report = ResearchReport.of("nas-" + dataset, "Evolutionary architecture search on " + dataset,
                "Regularised evolution over MLPs (0-3 hidden layers of 4-128 units, relu/tanh/leaky-relu, Adam step "
                        + "1e-4..3e-2)" + (window == 1 ? "" : ", each optionally after an LSTM of 4-32 units over the last "
                        + "2-" + Math.min(16, window) + " bars' feature rows (back-propagation through time)")
                        + ", population " + population + ", budget " + budgetEpochs + " training epochs ("
                        + epochsPerCandidate + " per candidate and fold), fitness = purged 3-fold log-loss on the first half of "
                        + data.size() + " samples (134 features, triple-barrier labels). Judged by purged walk-forward over the "
                        + "second half (" + tests + " test samples); pure-Java MLP, no DJL needed.",
                "the default MLP " + Architecture.defaults() + ", logistic regression, and the class prior", beat,
                String.format(Locale.ROOT, "walk-forward log-loss NAS %s %.4f vs default %.4f vs logistic %.4f vs class "
                        + "prior %.4f (accuracy NAS %.3f, default %.3f, logistic %.3f)", search.best(), nas[0], def[0], lr[0],
                        prior, nas[1], def[1], lr[1]) + (window == 1 ? ""
                        : String.format(Locale.ROOT, "; %s architecture chosen; best recurrent candidate %s: log-loss %.4f, "
                                + "accuracy %.3f", search.best().isRecurrent() ? "a recurrent" : "no recurrent",
                                bestRecurrent == null ? "none" : bestRecurrent.toString(), rec[0], rec[1])))
                .figure("chosenArchitecture", search.best().toString()).figure("searchLogLoss", search.bestLogLoss())
                .figure("epochsSpent", search.epochsSpent()).figure("candidatesEvaluated", search.evaluated().size())
                .figure("oosLogLossNas", nas[0]).figure("oosLogLossDefault", def[0]).figure("oosLogLossLogistic", lr[0])
                .figure("oosLogLossClassPrior", prior)
                .figure("oosAccuracyNas", nas[1]).figure("oosAccuracyDefault", def[1]).figure("oosAccuracyLogistic", lr[1])
                .figure("oosTestSamples", tests).figure("window", window)
                .figure("recurrentCandidatesEvaluated", (int) recurrentCandidates)
                .figure("recurrentChosen", search.best().isRecurrent() ? "yes" : "no")
                .figure("bestRecurrent", bestRecurrent == null ? "none" : bestRecurrent.toString())
                .figure("oosLogLossBestRecurrent", rec[0]).figure("oosAccuracyBestRecurrent", rec[1])
                .chart("Search: fold log-loss of each candidate and best so far").line("candidate", each)
                .line("best so far", bestSoFar);
        return new Outcome(search, nas[0], def[0], lr[0], prior, nas[1], def[1], lr[1], tests, bestRecurrent, rec[0], rec[1],
                report);
    }

    /** Pooled log-loss of predicting each split's add-one smoothed training class frequencies. */
    static double priorLogLoss(TrainingSet data, List<Split> splits) {
        double loss = 0;
        int count = 0;
        for (Split s : splits) {
            double[] p = new double[data.classes()];
            java.util.Arrays.fill(p, 1);
            for (int i : s.train()) {
                p[data.y(i)]++;
            }
            double[] prior = scale(p, s.train().length + data.classes());
            for (int i : s.test()) {
                loss += ArchitectureSearch.logLoss(prior, data.y(i));
                count++;
            }
        }
        return loss / count;
    }

    private static double[] scale(double[] counts, double total) {
        double[] p = new double[counts.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = counts[c] / total;
        }
        return p;
    }

    /** Pooled {log-loss, accuracy, count} over the test blocks of the splits. */
    static double[] evaluate(ModelTrainer trainer, TrainingSet data, List<Split> splits) {
        double loss = 0;
        int correct = 0;
        int count = 0;
        for (Split s : splits) {
            Classifier model = trainer.fit(data.subset(s.train()), TrainingListener.NONE);
            for (int i : s.test()) {
                double[] p = model.probabilities(data.x(i));
                loss += ArchitectureSearch.logLoss(p, data.y(i));
                if (model.predict(data.x(i)) == data.y(i)) {
                    correct++;
                }
                count++;
            }
        }
        return new double[] {loss / count, (double) correct / count, count};
    }
}
