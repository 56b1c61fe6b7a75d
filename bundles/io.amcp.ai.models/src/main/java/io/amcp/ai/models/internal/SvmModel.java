package io.amcp.ai.models.internal;

import io.amcp.ai.models.Classifier;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A kernel SVM classifier on standardised features: one machine for two classes (class 1 positive),
 * else one machine per class against the rest. Each machine's decision value
 * {@code f(z) = sum_i coef_i K(sv_i, z) + b} goes through its Platt sigmoid; with more than two
 * classes the sigmoids are normalised to sum 1.
 */
public final class SvmModel implements Classifier {

    public static final String KIND = "svm";
    /** Kernel code of {@code K(u, v) = u . v}. */
    public static final int LINEAR = 0;
    /** Kernel code of {@code K(u, v) = exp(-gamma |u - v|^2)}. */
    public static final int RBF = 1;

    /** One binary machine: support vectors (standardised), {@code alpha_i y_i}, bias and Platt's A, B. */
    public record Machine(double[][] supportVectors, double[] coef, double b, double plattA, double plattB) {
    }

    private final int kernel;
    private final double gamma;
    private final Standardizer standardizer;
    private final int classes;
    private final List<Machine> machines;

    public SvmModel(int kernel, double gamma, Standardizer standardizer, int classes, List<Machine> machines) {
        this.kernel = kernel;
        this.gamma = gamma;
        this.standardizer = standardizer;
        this.classes = classes;
        this.machines = List.copyOf(machines);
    }

    /** The kernel between two standardised rows. */
    public static double kernel(int kernel, double gamma, double[] u, double[] v) {
        double s = 0;
        if (kernel == LINEAR) {
            for (int f = 0; f < u.length; f++) {
                s += u[f] * v[f];
            }
            return s;
        }
        for (int f = 0; f < u.length; f++) {
            double d = u[f] - v[f];
            s += d * d;
        }
        return Math.exp(-gamma * s);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int features() {
        return standardizer.features();
    }

    @Override
    public int classes() {
        return classes;
    }

    public List<Machine> machines() {
        return machines;
    }

    /** Decision value of machine {@code m} for a raw (unstandardised) row. */
    public double decision(int m, double[] x) {
        Models.checkRow(x, features());
        double[] z = new double[x.length];
        standardizer.apply(x, z);
        return decisionOfStandardised(machines.get(m), z);
    }

    private double decisionOfStandardised(Machine machine, double[] z) {
        double f = machine.b();
        double[][] sv = machine.supportVectors();
        double[] coef = machine.coef();
        for (int i = 0; i < sv.length; i++) {
            f += coef[i] * kernel(kernel, gamma, sv[i], z);
        }
        return f;
    }

    @Override
    public double[] probabilities(double[] x) {
        Models.checkRow(x, features());
        double[] z = new double[x.length];
        standardizer.apply(x, z);
        if (classes == 2) {
            Machine m = machines.get(0);
            double p1 = PlattScaling.probability(decisionOfStandardised(m, z), m.plattA(), m.plattB());
            return new double[] {1 - p1, p1};
        }
        double[] p = new double[classes];
        for (int c = 0; c < classes; c++) {
            Machine m = machines.get(c);
            p[c] = Math.max(1e-12, PlattScaling.probability(decisionOfStandardised(m, z), m.plattA(), m.plattB()));
        }
        return Models.normalise(p);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(kernel);
        out.writeDouble(gamma);
        out.writeInt(classes);
        standardizer.write(out);
        out.writeInt(machines.size());
        for (Machine m : machines) {
            out.writeInt(m.supportVectors().length);
            for (double[] sv : m.supportVectors()) {
                Models.writeArray(out, sv);
            }
            Models.writeArray(out, m.coef());
            out.writeDouble(m.b());
            out.writeDouble(m.plattA());
            out.writeDouble(m.plattB());
        }
    }

    static SvmModel read(DataInputStream in) throws IOException {
        int kernel = in.readInt();
        double gamma = in.readDouble();
        int classes = in.readInt();
        Standardizer standardizer = Standardizer.read(in);
        int count = Models.checkCount(in.readInt(), "machines");
        Machine[] machines = new Machine[count];
        for (int m = 0; m < count; m++) {
            double[][] sv = new double[Models.checkCount(in.readInt(), "support vectors")][];
            for (int i = 0; i < sv.length; i++) {
                sv[i] = Models.readArray(in);
            }
            machines[m] = new Machine(sv, Models.readArray(in), in.readDouble(), in.readDouble(), in.readDouble());
        }
        return new SvmModel(kernel, gamma, standardizer, classes, List.of(machines));
    }
}
