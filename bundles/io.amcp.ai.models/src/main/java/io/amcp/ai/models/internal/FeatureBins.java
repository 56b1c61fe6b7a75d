package io.amcp.ai.models.internal;

import java.util.Arrays;

/**
 * Features quantised into at most {@code maxBins} ordered bins for histogram split search. Bin
 * {@code b} of feature {@code f} holds the values {@code v <= edge(f, b)} above the previous edge;
 * a split "bin {@code <= b}" is the threshold test {@code v <= edge(f, b)}. With at most
 * {@code maxBins} distinct values the edges are the midpoints between consecutive distinct values,
 * so splits are exact; otherwise the edges are quantiles. NaN is read as 0.
 */
public final class FeatureBins {

    private final double[][] edges;
    private final byte[][] bins;

    private FeatureBins(double[][] edges, byte[][] bins) {
        this.edges = edges;
        this.bins = bins;
    }

    /** Bins every column of {@code x} (rows of equal length). */
    public static FeatureBins of(double[][] x, int maxBins) {
        if (maxBins < 2 || maxBins > 128) {
            throw new IllegalArgumentException("maxBins: must be in [2, 128], got " + maxBins);
        }
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[][] edges = new double[d][];
        byte[][] bins = new byte[d][n];
        double[] column = new double[n];
        for (int f = 0; f < d; f++) {
            for (int i = 0; i < n; i++) {
                column[i] = value(x[i][f]);
            }
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            edges[f] = edges(sorted, maxBins);
            for (int i = 0; i < n; i++) {
                bins[f][i] = (byte) bin(edges[f], column[i]);
            }
        }
        return new FeatureBins(edges, bins);
    }

    static double value(double v) {
        return v != v ? 0.0 : v;
    }

    private static double[] edges(double[] sorted, int maxBins) {
        int n = sorted.length;
        double[] distinct = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || sorted[i] != distinct[k - 1]) {
                distinct[k++] = sorted[i];
            }
        }
        if (k <= maxBins) {
            double[] out = new double[Math.max(0, k - 1)];
            for (int i = 0; i + 1 < k; i++) {
                out[i] = distinct[i] + (distinct[i + 1] - distinct[i]) / 2;
            }
            return out;
        }
        double[] out = new double[maxBins - 1];
        int m = 0;
        for (int q = 1; q < maxBins; q++) {
            int pos = (int) ((long) q * n / maxBins);
            double lo = sorted[Math.max(0, pos - 1)];
            int next = pos;
            while (next < n && sorted[next] == lo) {
                next++;
            }
            if (next >= n) {
                break;
            }
            double edge = lo + (sorted[next] - lo) / 2;
            if (m == 0 || edge > out[m - 1]) {
                out[m++] = edge;
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static int bin(double[] edges, double v) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v <= edges[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    public int features() {
        return edges.length;
    }

    /** Number of bins of feature {@code f}. */
    public int binCount(int f) {
        return edges[f].length + 1;
    }

    /** Upper edge of bin {@code b} of feature {@code f}. */
    public double edge(int f, int b) {
        return edges[f][b];
    }

    /** Bin of row {@code i} in feature {@code f}. */
    public int bin(int f, int i) {
        return bins[f][i] & 0xff;
    }
}
