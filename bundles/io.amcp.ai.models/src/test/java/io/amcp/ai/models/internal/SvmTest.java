package io.amcp.ai.models.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.ModelCodec;
import io.amcp.ai.models.SvmTrainer;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SMO-trained SVM and Platt scaling against hand-derived solutions. */
class SvmTest {

    private static TrainingSet set(double[][] x, int[] y, int classes) {
        int n = x.length;
        int[] t = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            time[i] = i;
        }
        return TrainingSet.of(x, y, t, t, time, List.of("x1", "x2"), classes);
    }

    /**
     * Class 0 at (0, 0) and (0, 1), class 1 at (2, 0) and (2, 1). Standardised (x1: mean 1, sd 1;
     * x2: mean 0.5, sd 0.5) the points are z = (-1, -1), (-1, 1) for class 0 and (1, -1), (1, 1) for
     * class 1. The hard-margin problem min |w|^2 / 2 s.t. y_i (w . z_i + b) >= 1 is solved by
     * w = (1, 0), b = 0: all four constraints hold with equality, and no smaller w can satisfy
     * (1 - b) >= 1 and (1 + b) >= 1 on the first coordinate (which forces w1 >= 1 at b = 0 and w1 >= 1
     * + |b| otherwise). So f(x) = z1 = x1 - 1: 0 on the line x1 = 1, +1 on class 1's margin, -1 on
     * class 0's, 2 at x1 = 3. With a large C (1e6) the soft margin is the hard one.
     *
     * <p>Platt on the training decision values: they are +1 (two class-1 points) and -1 (two class-0
     * points); the targets are (2 + 1) / (2 + 2) = 3/4 and 1 / (2 + 2) = 1/4. By symmetry B = 0, and
     * the likelihood is maximal where the sigmoid meets the targets: 1 / (1 + e^A) = 3/4, so
     * A = -ln 3 and P(class 1 | f = 1) = 3/4, P(class 1 | f = 0) = 1/2.
     */
    @Test
    void linearMaximumMarginOfFourPointsByHand() {
        double[][] x = {{0, 0}, {0, 1}, {2, 0}, {2, 1}};
        SvmModel m = (SvmModel) new SvmTrainer(SvmTrainer.Kernel.LINEAR, 1e6, 0, 1e-6, 1000, 100, 0, 1)
                .fit(set(x, new int[] {0, 0, 1, 1}, 2), TrainingListener.NONE);
        assertThat(m.decision(0, new double[] {1, 0.3})).isCloseTo(0, within(1e-6));
        assertThat(m.decision(0, new double[] {1, 7})).isCloseTo(0, within(1e-6));
        assertThat(m.decision(0, new double[] {2, 0.5})).isCloseTo(1, within(1e-6));
        assertThat(m.decision(0, new double[] {0, 0.5})).isCloseTo(-1, within(1e-6));
        assertThat(m.decision(0, new double[] {3, -4})).isCloseTo(2, within(1e-6));
        SvmModel.Machine machine = m.machines().get(0);
        assertThat(machine.plattA()).isCloseTo(-Math.log(3), within(1e-4));
        assertThat(machine.plattB()).isCloseTo(0, within(1e-4));
        assertThat(m.probabilities(new double[] {2, 0})[1]).isCloseTo(0.75, within(1e-4));
        assertThat(m.probabilities(new double[] {1, 0})[1]).isCloseTo(0.5, within(1e-4));
        Classifier back = ModelCodec.read(ModelCodec.write(m));
        assertThat(back.probabilities(new double[] {1.5, 0.2})).containsExactly(m.probabilities(new double[] {1.5, 0.2}));
    }

    /**
     * XOR on the corners (+-1, +-1): no line separates it, the RBF kernel does. With gamma = 1 the
     * corners' kernel values are K = 1 (same point), e^-4 (adjacent, squared distance 4 before
     * standardising, which leaves +-1 unchanged) and e^-8 (opposite); by symmetry all four alphas are
     * equal and b = 0, so f(x_i) = y_i alpha (1 - 2 e^-4 + e^-8) and the hard-margin condition f = y_i
     * gives alpha = 1 / (1 - 2 e^-4 + e^-8) = 1.0380.
     */
    @Test
    void rbfSeparatesXor() {
        double[][] x = {{1, 1}, {-1, -1}, {1, -1}, {-1, 1}};
        int[] y = {1, 1, 0, 0};
        SvmModel m = (SvmModel) new SvmTrainer(SvmTrainer.Kernel.RBF, 1e6, 1.0, 1e-6, 1000, 100, 0, 1)
                .fit(set(x, y, 2), TrainingListener.NONE);
        double alpha = 1 / (1 - 2 * Math.exp(-4) + Math.exp(-8));
        for (int i = 0; i < 4; i++) {
            assertThat(m.predict(x[i])).isEqualTo(y[i]);
            assertThat(m.decision(0, x[i])).isCloseTo(y[i] == 1 ? 1 : -1, within(1e-6));
        }
        for (double c : m.machines().get(0).coef()) {
            assertThat(Math.abs(c)).isCloseTo(alpha, within(1e-6));
        }
        assertThat(m.machines().get(0).b()).isCloseTo(0, within(1e-6));
    }

    /**
     * Three classes one-vs-rest: probabilities sum to 1 and the bands of x0 are recovered. The rows
     * visit x0 in a scrambled order (37 is coprime to 60), so every contiguous Platt fold holds all bands.
     */
    @Test
    void threeBandsOneVersusRest() {
        double[][] x = new double[60][];
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            double v = (i * 37 % 60) / 59.0 * 3;
            x[i] = new double[] {v, (i * 7 % 11) / 11.0};
            y[i] = v < 1 ? 0 : v < 2 ? 1 : 2;
        }
        TrainingSet data = TrainingSet.of(x, y, range(60), range(60), new long[60], List.of("x1", "x2"), 3);
        Classifier m = new SvmTrainer(SvmTrainer.Kernel.RBF, 10, 2.0, 1e-3, 500, 100, 3, 1).fit(data, TrainingListener.NONE);
        assertThat(m.predict(new double[] {0.2, 0.5})).isEqualTo(0);
        assertThat(m.predict(new double[] {1.5, 0.5})).isEqualTo(1);
        assertThat(m.predict(new double[] {2.8, 0.5})).isEqualTo(2);
        double[] p = m.probabilities(new double[] {1.5, 0.1});
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-12));
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        assertThatThrownBy(() -> new SvmTrainer(SvmTrainer.Kernel.RBF, 0, 0, 1e-3, 1, 2, 0, 1)).hasMessageStartingWith("c:");
        assertThatThrownBy(() -> new SvmTrainer(SvmTrainer.Kernel.RBF, 1, 0, 1e-3, 1, 2, 1, 1))
                .hasMessageStartingWith("plattFolds:");
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
