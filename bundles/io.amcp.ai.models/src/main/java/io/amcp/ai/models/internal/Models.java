package io.amcp.ai.models.internal;

import io.amcp.ai.models.TrainingSet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Small numeric and I/O helpers shared by the model implementations. */
public final class Models {

    private Models() {
    }

    /**
     * The number of samples a trainer is given.
     *
     * @throws IllegalArgumentException naming {@code data} when it holds none
     */
    public static int samples(TrainingSet data) {
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("data: no samples");
        }
        return n;
    }

    public static void checkRow(double[] x, int features) {
        if (x == null || x.length != features) {
            throw new IllegalArgumentException("x: expected " + features + " features, got "
                    + (x == null ? "null" : String.valueOf(x.length)));
        }
    }

    /** Softmax, shifted by the maximum for stability. */
    public static double[] softmax(double[] score) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] p = new double[score.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(score[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** Scales non-negative values to sum 1 (all zero stays zero). */
    public static double[] normalise(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double[] out = values.clone();
        if (sum > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= sum;
            }
        }
        return out;
    }

    static void writeArray(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    static double[] readArray(DataInputStream in) throws IOException {
        double[] out = new double[checkCount(in.readInt(), "array")];
        for (int i = 0; i < out.length; i++) {
            out[i] = in.readDouble();
        }
        return out;
    }

    static int checkCount(int n, String what) throws IOException {
        if (n < 0 || n > 10_000_000) {
            throw new IOException(what + ": implausible count " + n);
        }
        return n;
    }
}
