package io.amcp.ai.models;

import io.amcp.ai.features.FeatureMatrix;
import io.amcp.ai.features.TripleBarrierLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Labelled samples for supervised learning, in time order. Sample {@code i} has a feature row
 * {@code x(i)}, a class {@code y(i)} in {@code [0, classes)}, and a label window: the label was
 * decided by data from bar {@code labelStart(i)} (the bar the features describe) to bar
 * {@code labelEnd(i)} inclusive (for a triple-barrier label, the touch bar). The label windows are
 * what {@link io.amcp.ai.models.validation purged cross-validation} needs to keep test information
 * out of training.
 *
 * <p>Missing features: a {@link Double#NaN} feature (a lookback not yet filled, an undefined formula)
 * is read as 0 by the tree models and as the training mean by the standardised models.
 *
 * <p>Arrays are owned by this object: callers must not modify them.
 */
public final class TrainingSet {

    /** Class index of a triple-barrier {@code -1} (stop-loss first). */
    public static final int DOWN = 0;
    /** Class index of a triple-barrier {@code 0} (vertical barrier). */
    public static final int FLAT = 1;
    /** Class index of a triple-barrier {@code +1} (profit-take first). */
    public static final int UP = 2;

    private final double[][] x;
    private final int[] y;
    private final int[] labelStart;
    private final int[] labelEnd;
    private final long[] time;
    private final List<String> featureNames;
    private final int classes;

    private TrainingSet(double[][] x, int[] y, int[] labelStart, int[] labelEnd, long[] time,
            List<String> featureNames, int classes) {
        this.x = x;
        this.y = y;
        this.labelStart = labelStart;
        this.labelEnd = labelEnd;
        this.time = time;
        this.featureNames = List.copyOf(featureNames);
        this.classes = classes;
    }

    /**
     * A training set; see the class comment.
     *
     * @param x            feature rows, all of {@code featureNames.size()} values
     * @param y            classes in {@code [0, classes)}
     * @param labelStart   first bar of each label window, non-decreasing
     * @param labelEnd     last bar of each label window, at least its start
     * @param time         time of each sample (bar end, epoch nanoseconds)
     * @param featureNames column names
     * @param classes      number of classes, at least 2
     * @throws IllegalArgumentException naming the field at fault
     */
    public static TrainingSet of(double[][] x, int[] y, int[] labelStart, int[] labelEnd, long[] time,
            List<String> featureNames, int classes) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(labelStart, "labelStart");
        Objects.requireNonNull(labelEnd, "labelEnd");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(featureNames, "featureNames");
        int n = x.length;
        if (y.length != n || labelStart.length != n || labelEnd.length != n || time.length != n) {
            throw new IllegalArgumentException("y/labelStart/labelEnd/time: lengths " + y.length + "/" + labelStart.length
                    + "/" + labelEnd.length + "/" + time.length + " differ from the " + n + " rows of x");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes: must be at least 2, got " + classes);
        }
        for (int i = 0; i < n; i++) {
            if (x[i] == null || x[i].length != featureNames.size()) {
                throw new IllegalArgumentException("x: row " + i + " has " + (x[i] == null ? "no" : x[i].length)
                        + " values, expected " + featureNames.size());
            }
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("y: class " + y[i] + " at " + i + " outside [0, " + classes + ")");
            }
            if (labelEnd[i] < labelStart[i]) {
                throw new IllegalArgumentException("labelEnd: " + labelEnd[i] + " before labelStart " + labelStart[i]
                        + " at " + i);
            }
            if (i > 0 && labelStart[i] < labelStart[i - 1]) {
                throw new IllegalArgumentException("labelStart: not in time order at " + i);
            }
        }
        return new TrainingSet(x, y, labelStart, labelEnd, time, featureNames, classes);
    }

    /**
     * Three-class samples (see {@link #DOWN}, {@link #FLAT}, {@link #UP}) from a feature matrix and the
     * triple-barrier labels of the same bars: every labelled bar from {@code firstRow} on. The label
     * window of bar {@code t} is {@code [t, touchIndex(t)]}.
     *
     * @param firstRow first bar to use, e.g. {@code features.registry().maxLookback() - 1} so every
     *                 feature is defined
     * @throws IllegalArgumentException naming {@code labels} when the sizes differ
     */
    public static TrainingSet fromTripleBarrier(FeatureMatrix features, TripleBarrierLabels labels, int firstRow) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (labels.size() != features.rows()) {
            throw new IllegalArgumentException("labels: " + labels.size() + " bars, features have " + features.rows());
        }
        if (firstRow < 0) {
            throw new IllegalArgumentException("firstRow: must not be negative, got " + firstRow);
        }
        List<Integer> rows = new ArrayList<>();
        for (int t = firstRow; t < features.rows(); t++) {
            if (labels.isLabelled(t)) {
                rows.add(t);
            }
        }
        int n = rows.size();
        double[][] x = new double[n][];
        int[] y = new int[n];
        int[] start = new int[n];
        int[] end = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            int t = rows.get(i);
            x[i] = features.row(t);
            y[i] = (int) labels.label(t) + 1;
            start[i] = t;
            end[i] = labels.touchIndex(t);
            time[i] = features.time(t);
        }
        List<String> names = features.registry().specs().stream().map(s -> s.name()).toList();
        return of(x, y, start, end, time, names, 3);
    }

    /** The samples at {@code indices}, in that order (which must keep time order). */
    public TrainingSet subset(int[] indices) {
        int n = indices.length;
        double[][] sx = new double[n][];
        int[] sy = new int[n];
        int[] ss = new int[n];
        int[] se = new int[n];
        long[] st = new long[n];
        for (int k = 0; k < n; k++) {
            int i = Objects.checkIndex(indices[k], x.length);
            sx[k] = x[i];
            sy[k] = y[i];
            ss[k] = labelStart[i];
            se[k] = labelEnd[i];
            st[k] = time[i];
        }
        return of(sx, sy, ss, se, st, featureNames, classes);
    }

    /** Number of samples. */
    public int size() {
        return x.length;
    }

    /** Number of features per row. */
    public int features() {
        return featureNames.size();
    }

    public int classes() {
        return classes;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** Feature row of sample {@code i} (owned by this set). */
    public double[] x(int i) {
        return x[i];
    }

    public int y(int i) {
        return y[i];
    }

    public int labelStart(int i) {
        return labelStart[i];
    }

    public int labelEnd(int i) {
        return labelEnd[i];
    }

    public long time(int i) {
        return time[i];
    }

    /** All rows (owned by this set; do not modify). */
    public double[][] rows() {
        return x;
    }

    /** All classes (owned by this set; do not modify). */
    public int[] classesOfSamples() {
        return y;
    }

    /** Count of each class. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int c : y) {
            counts[c]++;
        }
        return counts;
    }
}
