package io.amcp.ai.models.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Per-feature z-scores {@code (x - mean) / sd} with the training mean and population standard
 * deviation; a NaN feature becomes 0 (the mean), a constant feature divides by 1.
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] sd;

    public Standardizer(double[] mean, double[] sd) {
        this.mean = mean.clone();
        this.sd = sd.clone();
    }

    /** Fits means and deviations to rows, ignoring NaN values. */
    public static Standardizer fit(double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int f = 0; f < d; f++) {
            double sum = 0;
            double squares = 0;
            int count = 0;
            for (double[] row : rows) {
                double v = row[f];
                if (v == v) {
                    sum += v;
                    squares += v * v;
                    count++;
                }
            }
            double m = count == 0 ? 0 : sum / count;
            double var = count == 0 ? 0 : Math.max(0, squares / count - m * m);
            mean[f] = m;
            sd[f] = var > 1e-24 ? Math.sqrt(var) : 1.0;
        }
        return new Standardizer(mean, sd);
    }

    public int features() {
        return mean.length;
    }

    /** Writes the z-scores of {@code x} into {@code out}. */
    public void apply(double[] x, double[] out) {
        for (int f = 0; f < mean.length; f++) {
            double v = x[f];
            out[f] = v != v ? 0.0 : (v - mean[f]) / sd[f];
        }
    }

    /** Writes the z-scores of {@code x} as floats into {@code out} from {@code offset}. */
    public void apply(double[] x, float[] out, int offset) {
        for (int f = 0; f < mean.length; f++) {
            double v = x[f];
            out[offset + f] = v != v ? 0f : (float) ((v - mean[f]) / sd[f]);
        }
    }

    public void write(DataOutputStream out) throws IOException {
        Models.writeArray(out, mean);
        Models.writeArray(out, sd);
    }

    public static Standardizer read(DataInputStream in) throws IOException {
        return new Standardizer(Models.readArray(in), Models.readArray(in));
    }
}
