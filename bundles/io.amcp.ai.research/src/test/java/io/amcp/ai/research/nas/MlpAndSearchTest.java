package io.amcp.ai.research.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.LogisticRegressionTrainer;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.models.validation.LabelWindows;
import io.amcp.ai.models.validation.PurgedKFold;
import io.amcp.ai.models.validation.Split;
import io.amcp.ai.research.internal.Mlp;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpAndSearchTest {

    @Test
    void backPropagationMatchesCentralFiniteDifferences() {
        for (Activation act : Activation.values()) {
            Mlp net = new Mlp(new int[] {3, 5, 4, 2}, act, 3);
            double[] x = {0.3, -0.7, 1.1};
            double[] target = {0.5, -0.2};
            // loss = 1/2 |out - target|^2, dLoss/dOut = out - target
            double[] out = net.forward(x);
            net.zeroGradients();
            double[] dIn = net.backward(new double[] {out[0] - target[0], out[1] - target[1]});
            double h = 1e-6;
            for (int[] wIdx : new int[][] {{0, 2, 1}, {1, 3, 4}, {2, 1, 0}}) {
                double w0 = net.weight(wIdx[0], wIdx[1], wIdx[2]);
                net.setWeight(wIdx[0], wIdx[1], wIdx[2], w0 + h);
                double up = loss(net.forward(x), target);
                net.setWeight(wIdx[0], wIdx[1], wIdx[2], w0 - h);
                double down = loss(net.forward(x), target);
                net.setWeight(wIdx[0], wIdx[1], wIdx[2], w0);
                assertThat(net.gradient(wIdx[0], wIdx[1], wIdx[2])).as("%s %s", act, java.util.Arrays.toString(wIdx))
                        .isCloseTo((up - down) / (2 * h), within(1e-6));
            }
            for (int i = 0; i < 3; i++) {
                double[] xp = x.clone();
                xp[i] += h;
                double[] xm = x.clone();
                xm[i] -= h;
                assertThat(dIn[i]).isCloseTo((loss(net.forward(xp), target) - loss(net.forward(xm), target)) / (2 * h),
                        within(1e-6));
            }
        }
    }

    private static double loss(double[] out, double[] target) {
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            s += 0.5 * (out[i] - target[i]) * (out[i] - target[i]);
        }
        return s;
    }

    /** Noisy XOR: class 1 when the signs of the two features differ. No linear model separates it. */
    private static TrainingSet xor(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][];
        int[] y = new int[n];
        int[] t = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            double a = r.nextDouble() * 2 - 1;
            double b = r.nextDouble() * 2 - 1;
            x[i] = new double[] {a, b};
            y[i] = (a > 0) != (b > 0) ? 1 : 0;
            t[i] = i;
            time[i] = i;
        }
        return TrainingSet.of(x, y, t, t, time, List.of("a", "b"), 2);
    }

    @Test
    void mlpLearnsXorWhichLogisticRegressionCannot() {
        TrainingSet train = xor(400, 1);
        TrainingSet test = xor(200, 2);
        Classifier mlp = new MlpTrainer(new Architecture(new int[] {16}, Activation.TANH, 0.01), 60, 1)
                .fit(train, TrainingListener.NONE);
        Classifier lr = LogisticRegressionTrainer.defaults().fit(train, TrainingListener.NONE);
        assertThat(accuracy(mlp, test)).isGreaterThan(0.9);
        // the best linear boundary on uniform XOR is right on at most 3/4 of the square
        assertThat(accuracy(lr, test)).isLessThan(0.8);
    }

    @Test
    void searchStaysInItsEpochBudgetAndBeatsLogisticRegressionOnXor() {
        TrainingSet data = xor(300, 5);
        List<Split> folds = PurgedKFold.of(3, 0).splits(LabelWindows.of(data));
        ArchitectureSearch.Result r = new ArchitectureSearch(4, 10, 300, 9).search(data, folds);
        assertThat(r.epochsSpent()).isLessThanOrEqualTo(300);
        assertThat(r.evaluated()).hasSize(300 / 30);
        double lrLoss = 0;
        for (Split s : folds) {
            Classifier lr = LogisticRegressionTrainer.defaults().fit(data.subset(s.train()), TrainingListener.NONE);
            for (int i : s.test()) {
                lrLoss += ArchitectureSearch.logLoss(lr.probabilities(data.x(i)), data.y(i));
            }
        }
        lrLoss /= data.size();
        // logistic regression on XOR cannot do much better than ln 2 = 0.693
        assertThat(lrLoss).isGreaterThan(0.6);
        assertThat(r.bestLogLoss()).isLessThan(lrLoss);
        assertThat(r.best().hidden()).isNotEmpty();
        assertThatThrownBy(() -> new ArchitectureSearch(4, 10, 50, 9).search(data, folds))
                .hasMessageContaining("budgetEpochs:");
    }

    private static double accuracy(Classifier c, TrainingSet data) {
        int ok = 0;
        for (int i = 0; i < data.size(); i++) {
            if (c.predict(data.x(i)) == data.y(i)) {
                ok++;
            }
        }
        return (double) ok / data.size();
    }
}
