package io.amcp.ai.research.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.models.validation.LabelWindows;
import io.amcp.ai.models.validation.PurgedKFold;
import io.amcp.ai.models.validation.Split;
import io.amcp.ai.research.internal.Lstm;
import io.amcp.ai.research.internal.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LstmTest {

    @Test
    void backPropagationThroughTimeMatchesCentralFiniteDifferences() {
        Lstm lstm = new Lstm(3, 4, 11);
        SplittableRandom r = new SplittableRandom(5);
        double[][] xs = new double[5][3];
        for (double[] x : xs) {
            for (int i = 0; i < 3; i++) {
                x[i] = Stats.gaussian(r);
            }
        }
        double[] target = {0.3, -0.2, 0.1, 0.4};
        // loss = 1/2 |h_T - target|^2, dLoss/dh_T = h_T - target
        double[] h = lstm.forward(xs);
        double[] dh = new double[4];
        for (int j = 0; j < 4; j++) {
            dh[j] = h[j] - target[j];
        }
        lstm.zeroGradients();
        double[][] dx = lstm.backward(dh);
        assertThat(lstm.parameterCount()).isEqualTo(4 * 4 * (3 + 4 + 1));
        double step = 1e-6;
        for (int k = 0; k < lstm.parameterCount(); k++) {
            double p = lstm.parameter(k);
            lstm.setParameter(k, p + step);
            double up = loss(lstm.forward(xs), target);
            lstm.setParameter(k, p - step);
            double down = loss(lstm.forward(xs), target);
            lstm.setParameter(k, p);
            assertThat(lstm.gradient(k)).as("parameter %d", k).isCloseTo((up - down) / (2 * step), within(1e-7));
        }
        for (int t = 0; t < xs.length; t++) {
            for (int i = 0; i < 3; i++) {
                double x0 = xs[t][i];
                xs[t][i] = x0 + step;
                double up = loss(lstm.forward(xs), target);
                xs[t][i] = x0 - step;
                double down = loss(lstm.forward(xs), target);
                xs[t][i] = x0;
                assertThat(dx[t][i]).as("input %d at step %d", i, t).isCloseTo((up - down) / (2 * step), within(1e-7));
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

    /**
     * Windows of 6 one-feature rows, oldest first: the first row is +1 or -1 and decides the class, the
     * other five are standard normal noise independent of it. A model of the current row alone can do
     * no better than chance (1/2); a network that remembers the first row can be right every time.
     */
    static TrainingSet rememberTheFirst(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][6];
        int[] y = new int[n];
        int[] t = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
            x[i][0] = y[i] == 1 ? 1 : -1;
            for (int k = 1; k < 6; k++) {
                x[i][k] = Stats.gaussian(r);
            }
            t[i] = i;
            time[i] = i;
        }
        List<String> names = new ArrayList<>();
        for (int k = 5; k >= 0; k--) {
            names.add(k == 0 ? "v" : "v@-" + k);
        }
        return TrainingSet.of(x, y, t, t, time, names, 2);
    }

    @Test
    void lstmRemembersTheFirstRowWhichAModelOfTheCurrentRowCannot() {
        TrainingSet train = rememberTheFirst(400, 1);
        TrainingSet test = rememberTheFirst(300, 2);
        Classifier lstm = new SequenceTrainer(new Architecture(new int[0], Activation.TANH, 0.03, 8, 6), 1, 25, 3)
                .fit(train, TrainingListener.NONE);
        Classifier mlp = new SequenceTrainer(new Architecture(new int[] {16}, Activation.TANH, 0.01), 1, 25, 3)
                .fit(train, TrainingListener.NONE);
        assertThat(accuracy(lstm, test)).isGreaterThan(0.95);
        // chance is 1/2; 300 test samples put 0.5 +- 3 standard errors (0.087) around it
        assertThat(accuracy(mlp, test)).isLessThan(0.59);
    }

    @Test
    void searchWithAWindowChoosesARecurrentNetworkForTheMemoryTask() {
        TrainingSet data = rememberTheFirst(240, 4);
        List<Split> folds = PurgedKFold.of(3, 0).splits(LabelWindows.of(data));
        ArchitectureSearch.Result r = new ArchitectureSearch(6, 20, 20 * 3 * 12, 6, 6).search(data, folds);
        assertThat(r.epochsSpent()).isLessThanOrEqualTo(20 * 3 * 12);
        assertThat(r.evaluated()).anyMatch(c -> c.architecture().isRecurrent());
        assertThat(r.best().isRecurrent()).isTrue();
        // a model of the current row cannot beat ln 2 = 0.693 by much; remembering the first row can
        assertThat(r.bestLogLoss()).isLessThan(0.6);
        assertThat(r.evaluated()).filteredOn(c -> !c.architecture().isRecurrent())
                .allMatch(c -> c.logLoss() > 0.65);
    }

    @Test
    void badShapesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new Architecture(new int[0], Activation.TANH, 0.01, 0, 4)).hasMessageContaining("steps:");
        assertThatThrownBy(() -> new MlpTrainer(new Architecture(new int[0], Activation.TANH, 0.01, 4, 2), 1, 1))
                .hasMessageContaining("architecture:");
        TrainingSet data = rememberTheFirst(10, 1);
        assertThatThrownBy(() -> new SequenceTrainer(Architecture.defaults(), 4, 1, 1).fit(data, TrainingListener.NONE))
                .hasMessageContaining("rowWidth:");
        assertThatThrownBy(() -> new SequenceTrainer(new Architecture(new int[0], Activation.TANH, 0.01, 4, 8), 1, 1, 1)
                .fit(data, TrainingListener.NONE)).hasMessageContaining("architecture:");
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
