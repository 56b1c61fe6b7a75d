package io.amcp.ai.research.gan;

import io.amcp.ai.features.FeatureEngine;
import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.ModelTrainer;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.models.validation.LabelWindows;
import io.amcp.ai.models.validation.Split;
import io.amcp.ai.models.validation.WalkForward;
import io.amcp.ai.research.internal.Stats;
import io.amcp.ai.research.nas.ArchitectureSearch;
import io.amcp.ai.research.nas.ArchitectureStudy;
import io.amcp.ai.research.report.ResearchReport;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Does training a classifier on GAN-generated return paths as well as real data make it more robust
 * out of sample? Real samples are those of {@link ArchitectureStudy#samples}: the standard features
 * and triple-barrier labels (1 x volatility, 12 bars). The comparison is a purged walk-forward over
 * the second half of the samples (expanding window, test blocks of a tenth, 12-bar embargo), the
 * same classifier trained three ways on each training part: real samples only; real plus samples
 * from GAN paths; real plus samples from i.i.d. bootstrap paths (the baseline augmentation).
 *
 * <p>The GAN and the bootstrap see only the log returns of the bars before the first test block
 * less the embargo, standardised by their mean and deviation. A synthetic path is
 * {@code pathBars} bars: its standardised returns (for the GAN, consecutive generated windows
 * joined) are de-standardised and compounded from the last training close. The return process is
 * the only thing that differs: both augmentations take each bar's wicks (high over the larger of
 * open and close, low over the smaller) and volume from the same randomly drawn real training bar.
 * Features and labels of the synthetic bars come from the same {@link FeatureEngine} and triple
 * barrier as the real ones. Augmentation helps when the GAN-augmented log-loss is below both the
 * real-only and the bootstrap-augmented log-loss.
 *
 * @param dataset    name for the report
 * @param series     the real bars
 * @param gan        the GAN's settings
 * @param classifier the classifier trained three ways
 * @param paths      synthetic paths per augmentation
 * @param pathBars   bars per synthetic path, more than the features' look-back plus 12
 * @param seed       random seed of the paths and the drawn wicks and volumes
 */
public record GanAugmentationStudy(String dataset, BarSeries series, ReturnGan gan, ModelTrainer classifier, int paths,
        int pathBars, long seed) {

    public GanAugmentationStudy {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(gan, "gan");
        Objects.requireNonNull(classifier, "classifier");
        if (paths < 1) {
            throw new IllegalArgumentException("paths: must be at least 1, was " + paths);
        }
        int lookback = FeatureEngine.standard().registry().maxLookback();
        if (pathBars <= lookback + ArchitectureStudy.EMBARGO) {
            throw new IllegalArgumentException("pathBars: must exceed the features' look-back " + lookback + " plus "
                    + ArchitectureStudy.EMBARGO + ", was " + pathBars);
        }
    }

    /**
     * Pooled walk-forward figures.
     *
     * @param cutoffBar       the generators saw the returns of bars {@code 0..cutoffBar} only
     * @param firstTestBar    first bar of the first test block
     * @param realOnly        {log-loss, accuracy} trained on real samples only
     * @param ganAugmented    {log-loss, accuracy} trained on real plus GAN samples
     * @param bootAugmented   {log-loss, accuracy} trained on real plus bootstrap samples
     * @param classPrior      log-loss of the training parts' class frequencies
     * @param ganSamples      synthetic samples added from GAN paths
     * @param bootSamples     synthetic samples added from bootstrap paths
     * @param testSamples     pooled out-of-sample samples
     */
    public record Outcome(int cutoffBar, int firstTestBar, double[] realOnly, double[] ganAugmented,
            double[] bootAugmented, double classPrior, int ganSamples, int bootSamples, int testSamples,
            ResearchReport report) {
    }

    /** Trains the generators, builds the synthetic samples and runs the walk-forward. */
    public Outcome run() {
        TrainingSet data = ArchitectureStudy.samples(series);
        int half = data.size() / 2;
        List<Split> walk = WalkForward.of(half, Math.max(1, data.size() / 10), 0, ArchitectureStudy.EMBARGO)
                .splits(LabelWindows.of(data));
        int firstTestBar = data.labelStart(walk.get(0).test()[0]);
        int cutoff = firstTestBar - ArchitectureStudy.EMBARGO - 1;
        double[] closes = series.closesAsDouble();
        double[] train = Stats.logReturns(Arrays.copyOfRange(closes, 0, cutoff + 1));
        double mean = Stats.mean(train);
        double sd = Stats.std(train);
        double[] z = new double[train.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (train[i] - mean) / sd;
        }
        int w = gan.window();
        double[][] windows = new double[z.length - w + 1][];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = Arrays.copyOfRange(z, i, i + w);
        }
        int steps = pathBars - 1;
        int perPath = (steps + w - 1) / w;
        double[][] generated = gan.train(windows).sample(paths * perPath, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        double[][] ganPaths = new double[paths][steps];
        double[][] bootPaths = new double[paths][steps];
        for (int p = 0; p < paths; p++) {
            for (int t = 0; t < steps; t++) {
                ganPaths[p][t] = mean + sd * generated[p * perPath + t / w][t % w];
                bootPaths[p][t] = mean + sd * z[random.nextInt(z.length)];
            }
        }
        TrainingSet ganSet = synthetic(ganPaths, cutoff, new SplittableRandom(seed + 2));
        TrainingSet bootSet = synthetic(bootPaths, cutoff, new SplittableRandom(seed + 2));
        double[] real = new double[3];
        double[] withGan = new double[3];
        double[] withBoot = new double[3];
        double prior = 0;
        for (Split s : walk) {
            TrainingSet part = data.subset(s.train());
            score(classifier.fit(part, TrainingListener.NONE), data, s.test(), real);
            score(classifier.fit(concat(part, ganSet), TrainingListener.NONE), data, s.test(), withGan);
            score(classifier.fit(concat(part, bootSet), TrainingListener.NONE), data, s.test(), withBoot);
            double[] counts = new double[data.classes()];
            Arrays.fill(counts, 1);
            for (int i : s.train()) {
                counts[data.y(i)]++;
            }
            for (int i : s.test()) {
                prior -= Math.log(counts[data.y(i)] / (s.train().length + data.classes()));
            }
        }
        int tests = (int) real[2];
        prior /= tests;
        double[] r = {real[0] / tests, real[1] / tests};
        double[] g = {withGan[0] / tests, withGan[1] / tests};
        double[] b = {withBoot[0] / tests, withBoot[1] / tests};
        boolean helped = g[0] < r[0] && g[0] < b[0];
        ResearchReport report = ResearchReport.of("gan-augmentation-" + dataset,
                "GAN-augmented training of a classifier on " + dataset,
                "Classifier " + classifier.kind() + " " + classifier.parameters() + " on " + data.size() + " real samples "
                        + "(134 features, triple-barrier labels) judged by purged walk-forward over the second half ("
                        + tests + " test samples, 12-bar embargo). Augmentation adds " + ganSet.size() + " samples from "
                        + paths + " GAN paths of " + pathBars + " bars (GAN " + gan.window() + "-return windows, hidden "
                        + gan.hidden() + ", " + gan.steps() + " steps) trained on the returns of bars 0.." + cutoff
                        + " only (the first test bar is " + firstTestBar + "); wicks and volumes drawn from real training bars.",
                "the same classifier trained on real samples only, and real plus " + bootSet.size()
                        + " samples from i.i.d. bootstrap paths",
                helped,
                String.format(Locale.ROOT, "walk-forward log-loss real only %.4f, + GAN %.4f, + bootstrap %.4f, class prior "
                        + "%.4f; accuracy real only %.3f, + GAN %.3f, + bootstrap %.3f. GAN augmentation %s", r[0], g[0], b[0],
                        prior, r[1], g[1], b[1], helped ? "helped" : "did not help")
                        + (Math.min(r[0], Math.min(g[0], b[0])) < prior ? ""
                                : "; no variant beat the class prior, so none has predictive skill here"))
                .figure("oosLogLossRealOnly", r[0]).figure("oosLogLossGanAugmented", g[0])
                .figure("oosLogLossBootstrapAugmented", b[0]).figure("oosLogLossClassPrior", prior)
                .figure("oosAccuracyRealOnly", r[1]).figure("oosAccuracyGanAugmented", g[1])
                .figure("oosAccuracyBootstrapAugmented", b[1]).figure("ganSamples", ganSet.size())
                .figure("bootstrapSamples", bootSet.size()).figure("oosTestSamples", tests)
                .figure("generatorCutoffBar", cutoff).figure("firstTestBar", firstTestBar)
                .chart("Out-of-sample log-loss: real only, + GAN, + bootstrap, class prior")
                .line("log-loss", new double[] {r[0], g[0], b[0], prior});
        return new Outcome(cutoff, firstTestBar, r, g, b, prior, ganSet.size(), bootSet.size(), tests, report);
    }

    private static void score(Classifier model, TrainingSet data, int[] test, double[] acc) {
        for (int i : test) {
            acc[0] += ArchitectureSearch.logLoss(model.probabilities(data.x(i)), data.y(i));
            if (model.predict(data.x(i)) == data.y(i)) {
                acc[1]++;
            }
            acc[2]++;
        }
    }

    /** Samples of every path's bars, one set; label windows renumbered in order. */
    private TrainingSet synthetic(double[][] logReturnPaths, int cutoff, SplittableRandom wicks) {
        double start = FixedPoint.toDouble(series.close()[cutoff]);
        List<TrainingSet> sets = new ArrayList<>();
        for (double[] path : logReturnPaths) {
            sets.add(ArchitectureStudy.samples(bars(series, start, path, cutoff, wicks)));
        }
        TrainingSet out = sets.get(0);
        for (int i = 1; i < sets.size(); i++) {
            out = concat(out, sets.get(i));
        }
        return out;
    }

    /**
     * Bars whose closes compound {@code logReturns} from {@code start} (the first bar opens and
     * closes at {@code start}); each bar opens at the previous close, takes its wicks and volume from
     * a real bar drawn from {@code 0..lastRealBar}, and is five minutes after the previous one.
     */
    static BarSeries bars(BarSeries real, double start, double[] logReturns, int lastRealBar, SplittableRandom random) {
        int n = logReturns.length + 1;
        long[] time = new long[n];
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long[] volume = new long[n];
        double previous = start;
        for (int t = 0; t < n; t++) {
            double c = t == 0 ? start : previous * Math.exp(logReturns[t - 1]);
            int j = random.nextInt(lastRealBar + 1);
            double o = FixedPoint.toDouble(real.open()[j]);
            double cj = FixedPoint.toDouble(real.close()[j]);
            double up = FixedPoint.toDouble(real.high()[j]) / Math.max(o, cj);
            double down = FixedPoint.toDouble(real.low()[j]) / Math.min(o, cj);
            time[t] = real.time()[0] + t * 300_000_000_000L;
            open[t] = FixedPoint.fromDouble(previous);
            close[t] = FixedPoint.fromDouble(c);
            high[t] = FixedPoint.fromDouble(Math.max(previous, c) * Math.max(1, up));
            low[t] = FixedPoint.fromDouble(Math.min(previous, c) * Math.min(1, down));
            volume[t] = real.volume()[j];
            previous = c;
        }
        return new BarSeries(real.instrument(), time, open, high, low, close, volume);
    }

    /** {@code a} then {@code b}; the label windows are renumbered 0..n-1 (only training reads them). */
    static TrainingSet concat(TrainingSet a, TrainingSet b) {
        int n = a.size() + b.size();
        double[][] x = new double[n][];
        int[] y = new int[n];
        int[] index = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            boolean first = i < a.size();
            int k = first ? i : i - a.size();
            x[i] = first ? a.x(k) : b.x(k);
            y[i] = first ? a.y(k) : b.y(k);
            index[i] = i;
            time[i] = i;
        }
        return TrainingSet.of(x, y, index, index, time, a.featureNames(), a.classes());
    }
}
