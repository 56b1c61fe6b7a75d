package io.amcp.ai.models;

import io.amcp.ai.features.FeatureEngine;
import io.amcp.ai.features.FeatureMatrix;
import io.amcp.ai.features.TripleBarrier;
import io.amcp.ai.models.validation.LabelWindows;
import io.amcp.ai.models.validation.Split;
import io.amcp.ai.models.validation.WalkForward;
import io.amcp.api.model.BarSeries;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One walk-forward training run on a bar series: standard features ({@link FeatureEngine#standard()},
 * UTC calendar) from the first bar at which every feature is defined, triple-barrier labels, a
 * chronological split that holds out the last {@code holdout} fraction of the samples and purges
 * every training sample whose label window reaches within {@code embargoBars} bars of the held-out
 * part, then the fit, the held-out scores, a learning curve and the held-out equity (see
 * {@link TrainingReport}).
 *
 * @param trainer        the model to fit
 * @param barrier        the labelling
 * @param holdout        held-out fraction of the samples, in (0, 1)
 * @param embargoBars    extra purge before the held-out part, not negative
 * @param curvePoints    learning-curve points (training sizes evenly spaced up to the full training part), at least 1
 */
public record TrainingPipeline(ModelTrainer trainer, TripleBarrier barrier, double holdout, int embargoBars,
        int curvePoints) {

    public TrainingPipeline {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(barrier, "barrier");
        if (!(holdout > 0 && holdout < 1)) {
            throw new IllegalArgumentException("holdout: must be in (0, 1), got " + holdout);
        }
        if (embargoBars < 0) {
            throw new IllegalArgumentException("embargoBars: must not be negative, got " + embargoBars);
        }
        if (curvePoints < 1) {
            throw new IllegalArgumentException("curvePoints: must be at least 1, got " + curvePoints);
        }
    }

    /** The samples the pipeline trains and tests on: standard features and {@code barrier} labels. */
    public static TrainingSet samples(BarSeries series, TripleBarrier barrier) {
        FeatureMatrix features = FeatureEngine.standard().compute(series);
        return TrainingSet.fromTripleBarrier(features, barrier.label(series), features.registry().maxLookback() - 1);
    }

    /** The chronological split: the purged training part and the held-out part. */
    public Split split(TrainingSet data) {
        int n = data.size();
        int trainCount = (int) Math.round(n * (1 - holdout));
        if (trainCount < 1 || trainCount >= n) {
            throw new IllegalArgumentException("series: " + n + " samples are too few to hold out " + holdout);
        }
        List<Split> splits = WalkForward.of(trainCount, n - trainCount, 0, embargoBars).splits(LabelWindows.of(data));
        return splits.get(0);
    }

    /**
     * Runs the pipeline.
     *
     * @throws IllegalArgumentException naming {@code series} when it is too short to train and hold out
     */
    public TrainingReport run(BarSeries series, TrainingListener listener) {
        Objects.requireNonNull(series, "series");
        TrainingSet data = samples(series, barrier);
        Split split = split(data);
        int[] train = split.train();
        int[] test = split.test();
        if (train.length == 0) {
            throw new IllegalArgumentException("series: no training sample is left after purging");
        }
        TrainingSet trainSet = data.subset(train);
        TrainingSet testSet = data.subset(test);
        int[] actual = testSet.classesOfSamples();

        int[] sizes = new int[curvePoints];
        double[] curveTrain = new double[curvePoints];
        double[] curveTest = new double[curvePoints];
        for (int c = 0; c < curvePoints - 1; c++) {
            int size = Math.max(2, (int) ((long) train.length * (c + 1) / curvePoints));
            // the most recent samples: closest in time to the held-out part
            TrainingSet part = trainSet.subset(range(train.length - size, train.length));
            Classifier m = trainer.fit(part, TrainingListener.NONE);
            sizes[c] = size;
            curveTrain[c] = logLoss(m, part);
            curveTest[c] = logLoss(m, testSet);
            listener.progress("learning curve", c + 1, curvePoints);
        }
        long start = System.nanoTime();
        Classifier model = trainer.fit(trainSet, listener);
        long nanos = System.nanoTime() - start;
        sizes[curvePoints - 1] = train.length;
        curveTrain[curvePoints - 1] = logLoss(model, trainSet);
        curveTest[curvePoints - 1] = logLoss(model, testSet);

        double[][] p = new double[test.length][];
        model.probabilities(testSet.rows(), p);
        ClassificationMetrics metrics = ClassificationMetrics.of(actual, p, data.classes());

        double[] close = series.closesAsDouble();
        long[] times = new long[test.length + 1];
        double[] strategy = new double[test.length + 1];
        double[] hold = new double[test.length + 1];
        strategy[0] = 1;
        hold[0] = 1;
        times[0] = testSet.time(0);
        for (int k = 0; k < test.length; k++) {
            int bar = testSet.labelStart(k);
            double r = bar + 1 < close.length ? close[bar + 1] / close[bar] : 1.0;
            boolean up = argmax(p[k]) == TrainingSet.UP;
            strategy[k + 1] = strategy[k] * (up ? r : 1.0);
            hold[k + 1] = hold[k] * r;
            times[k + 1] = bar + 1 < close.length ? series.time()[bar + 1] : series.time()[bar];
        }
        return new TrainingReport(trainer.kind(), trainer.parameters(), model, data, train, test, metrics, p, sizes,
                curveTrain, curveTest, times, strategy, hold, nanos);
    }

    private static double logLoss(Classifier m, TrainingSet set) {
        double[][] p = new double[set.size()][];
        m.probabilities(set.rows(), p);
        return ClassificationMetrics.of(set.classesOfSamples(), p, set.classes()).logLoss();
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        Arrays.setAll(out, i -> from + i);
        return out;
    }
}
