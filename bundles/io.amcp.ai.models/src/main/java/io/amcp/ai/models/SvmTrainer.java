package io.amcp.ai.models;

import io.amcp.ai.models.internal.PlattScaling;
import io.amcp.ai.models.internal.Smo;
import io.amcp.ai.models.internal.Standardizer;
import io.amcp.ai.models.internal.SvmModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A soft-margin kernel support vector machine trained by Platt's SMO (1998), with probabilities by
 * Platt scaling (1999); see {@link io.amcp.ai.models.internal.Smo} and
 * {@link io.amcp.ai.models.internal.PlattScaling} for the algorithms. Features are standardised
 * (training mean and deviation; NaN reads as the mean). Two classes train one machine (class 1
 * positive); more train one machine per class against the rest, and the sigmoids are normalised to
 * sum 1. The kernel matrix is held in memory, so only the most recent {@code maxSamples} samples
 * train.
 *
 * <p>Platt recommends fitting the sigmoid on decision values the machine did not train on: with
 * {@code plattFolds >= 2} the samples are cut into that many contiguous folds, each fold's decision
 * values come from a machine trained on the other folds, and the final machine trains on all; with
 * {@code plattFolds = 0} the sigmoid is fitted on the training decision values themselves.
 *
 * @param kernel     linear or RBF
 * @param c          box constraint {@code C}, positive
 * @param gamma      RBF width {@code gamma} in {@code exp(-gamma |u - v|^2)}, positive, or 0 for
 *                   {@code 1 / features}; ignored by the linear kernel
 * @param tolerance  KKT tolerance of SMO, positive
 * @param maxSweeps  most SMO outer-loop sweeps, at least 1
 * @param maxSamples most samples to train on (the most recent), at least 2
 * @param plattFolds 0, or at least 2 folds for out-of-fold Platt scaling
 * @param seed       random seed of SMO's starting points
 */
public record SvmTrainer(Kernel kernel, double c, double gamma, double tolerance, int maxSweeps, int maxSamples,
        int plattFolds, long seed) implements ModelTrainer {

    /** The kernel function. */
    public enum Kernel {
        /** {@code K(u, v) = u . v}. */
        LINEAR,
        /** {@code K(u, v) = exp(-gamma |u - v|^2)}. */
        RBF
    }

    public SvmTrainer {
        Objects.requireNonNull(kernel, "kernel");
        if (!(c > 0)) {
            throw new IllegalArgumentException("c: must be positive, got " + c);
        }
        if (!(gamma >= 0)) {
            throw new IllegalArgumentException("gamma: must not be negative, got " + gamma);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance: must be positive, got " + tolerance);
        }
        if (maxSweeps < 1) {
            throw new IllegalArgumentException("maxSweeps: must be at least 1, got " + maxSweeps);
        }
        if (maxSamples < 2) {
            throw new IllegalArgumentException("maxSamples: must be at least 2, got " + maxSamples);
        }
        if (plattFolds == 1 || plattFolds < 0) {
            throw new IllegalArgumentException("plattFolds: must be 0 or at least 2, got " + plattFolds);
        }
    }

    /** RBF kernel, C = 1, gamma = 1 / features, tolerance 1e-3, 200 sweeps, 2000 samples, 3 Platt folds. */
    public static SvmTrainer defaults(long seed) {
        return new SvmTrainer(Kernel.RBF, 1.0, 0, 1e-3, 200, 2000, 3, seed);
    }

    @Override
    public String kind() {
        return SvmModel.KIND;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kernel", kernel.name());
        p.put("c", Double.toString(c));
        p.put("gamma", Double.toString(gamma));
        p.put("tolerance", Double.toString(tolerance));
        p.put("maxSweeps", Integer.toString(maxSweeps));
        p.put("maxSamples", Integer.toString(maxSamples));
        p.put("plattFolds", Integer.toString(plattFolds));
        p.put("seed", Long.toString(seed));
        return p;
    }

    @Override
    public Classifier fit(TrainingSet data, TrainingListener listener) {
        if (data.size() < 2) {
            throw new IllegalArgumentException("data: at least 2 samples are needed, got " + data.size());
        }
        int n = Math.min(data.size(), maxSamples);
        int offset = data.size() - n;
        double[][] raw = new double[n][];
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            raw[i] = data.x(offset + i);
            cls[i] = data.y(offset + i);
        }
        Standardizer standardizer = Standardizer.fit(raw);
        double[][] z = new double[n][data.features()];
        for (int i = 0; i < n; i++) {
            standardizer.apply(raw[i], z[i]);
        }
        int kernelCode = kernel == Kernel.LINEAR ? SvmModel.LINEAR : SvmModel.RBF;
        double g = gamma > 0 ? gamma : 1.0 / data.features();
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                k[i][j] = SvmModel.kernel(kernelCode, g, z[i], z[j]);
                k[j][i] = k[i][j];
            }
        }
        int classes = data.classes();
        int machineCount = classes == 2 ? 1 : classes;
        List<SvmModel.Machine> machines = new ArrayList<>();
        for (int m = 0; m < machineCount; m++) {
            int positive = classes == 2 ? 1 : m;
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = cls[i] == positive ? 1 : -1;
            }
            Smo.Solution full = Smo.solve(k, y, c, tolerance, maxSweeps, seed + m);
            double[] decision = plattFolds >= 2 ? outOfFoldDecisions(k, y) : decisions(k, y, full, allRows(n), allRows(n));
            double[] ab = PlattScaling.fit(decision, y);
            machines.add(machine(z, y, full, ab));
            listener.progress(SvmModel.KIND, m + 1, machineCount);
        }
        return new SvmModel(kernelCode, g, standardizer, classes, machines);
    }

    private double[] outOfFoldDecisions(double[][] k, double[] y) {
        int n = y.length;
        double[] out = new double[n];
        int from = 0;
        for (int f = 0; f < plattFolds; f++) {
            int to = from + n / plattFolds + (f < n % plattFolds ? 1 : 0);
            int[] test = new int[to - from];
            int[] train = new int[n - test.length];
            for (int i = 0, t = 0, r = 0; i < n; i++) {
                if (i >= from && i < to) {
                    test[t++] = i;
                } else {
                    train[r++] = i;
                }
            }
            double[][] sub = new double[train.length][train.length];
            double[] ySub = new double[train.length];
            for (int a = 0; a < train.length; a++) {
                ySub[a] = y[train[a]];
                for (int b = 0; b < train.length; b++) {
                    sub[a][b] = k[train[a]][train[b]];
                }
            }
            double[] d = decisions(k, y, Smo.solve(sub, ySub, c, tolerance, maxSweeps, seed + f), train, test);
            for (int t = 0; t < test.length; t++) {
                out[test[t]] = d[t];
            }
            from = to;
        }
        return out;
    }

    /** Decision values at {@code rows} of a solution trained on {@code train}. */
    private static double[] decisions(double[][] k, double[] y, Smo.Solution s, int[] train, int[] rows) {
        double[] out = new double[rows.length];
        double[] alpha = s.alpha();
        for (int r = 0; r < rows.length; r++) {
            double f = s.b();
            for (int a = 0; a < train.length; a++) {
                if (alpha[a] > 0) {
                    f += alpha[a] * y[train[a]] * k[train[a]][rows[r]];
                }
            }
            out[r] = f;
        }
        return out;
    }

    private static SvmModel.Machine machine(double[][] z, double[] y, Smo.Solution s, double[] ab) {
        List<double[]> sv = new ArrayList<>();
        List<Double> coef = new ArrayList<>();
        double[] alpha = s.alpha();
        for (int i = 0; i < alpha.length; i++) {
            if (alpha[i] > 0) {
                sv.add(z[i]);
                coef.add(alpha[i] * y[i]);
            }
        }
        return new SvmModel.Machine(sv.toArray(new double[0][]), coef.stream().mapToDouble(Double::doubleValue).toArray(),
                s.b(), ab[0], ab[1]);
    }

    private static int[] allRows(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
