package io.amcp.ai.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Shared synthetic data and a reference AUC for the model tests. */
final class ModelsTestData {

    private ModelsTestData() {
    }

    /** Six Gaussian features; the class is a noisy threshold of {@code x0 + x1 / 2} at -0.5 and 0.5. */
    static TrainingSet noisyThreeClass(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < 6; f++) {
                x[i][f] = r.nextGaussian();
            }
            double s = x[i][0] + 0.5 * x[i][1] + 0.3 * r.nextGaussian();
            y[i] = s < -0.5 ? 0 : s > 0.5 ? 2 : 1;
        }
        return set(x, y, 3);
    }

    /**
     * A training set of rows in time order (sample i at time i, its label over bar i alone), features
     * named {@code f0, f1, ...}.
     */
    static TrainingSet set(double[][] x, int[] y, int classes) {
        int n = x.length;
        int[] t = new int[n];
        long[] time = new long[n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t[i] = i;
            time[i] = i;
        }
        for (int f = 0; f < x[0].length; f++) {
            names.add("f" + f);
        }
        return TrainingSet.of(x, y, t, t, time, names, classes);
    }

    /**
     * Area under the ROC curve of {@code p[i][positive]} for "class is positive": the Mann-Whitney
     * statistic, the fraction of (positive, negative) pairs ranked correctly, ties counting half.
     */
    static double aucOneVsRest(int[] actual, double[][] p, int positive) {
        int n = actual.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(p[a][positive], p[b][positive]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]][positive] == p[order[i]][positive]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (actual[order[k]] == positive) {
                    rankSum += midRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
