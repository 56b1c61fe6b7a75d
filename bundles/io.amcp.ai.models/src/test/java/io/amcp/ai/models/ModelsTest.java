package io.amcp.ai.models;

import static io.amcp.ai.models.ModelsTestData.noisyThreeClass;
import static io.amcp.ai.models.ModelsTestData.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.models.neural.NeuralNetTrainer;
import io.amcp.ai.models.validation.PurgedKFold;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsTest {

    /**
     * One round, depth 1, rate 1, two classes, x = 1..4, y = 0 0 1 1. Priors ln(3/6) for both classes,
     * p = 0.5; class-1 residuals -0.5 -0.5 0.5 0.5 split at 2.5; Newton leaf (K-1)/K * sum r /
     * sum |r|(1-|r|) = 0.5 * 1 / 0.5 = 1 on the right, -1 on the left (mirrored for class 0). At x = 4 the
     * scores differ by 2: p1 = 1 / (1 + e^-2) = 0.880797.
     */
    @Test
    void gradientBoostingFirstRoundByHand() {
        double[][] x = {{1}, {2}, {3}, {4}};
        Classifier m = new GradientBoostingTrainer(1, 1.0, 1, 1, 1.0, 1.0, 64, 1).fit(set(x, new int[] {0, 0, 1, 1}, 2),
                TrainingListener.NONE);
        assertThat(m.probabilities(new double[] {4})[1]).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
        assertThat(m.probabilities(new double[] {1})[0]).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
    }

    /**
     * x = +1: three of class 1, one of class 0; x = -1 mirrored. Unpenalised maximum likelihood gives
     * P(1 | x = 1) = 3/4 exactly (the saturated model), and x standardises to itself (mean 0, sd 1).
     */
    @Test
    void logisticRegressionReachesTheMaximumLikelihoodFrequencies() {
        double[][] x = {{1}, {1}, {1}, {1}, {-1}, {-1}, {-1}, {-1}};
        int[] y = {1, 1, 1, 0, 0, 0, 0, 1};
        Classifier m = new LogisticRegressionTrainer(0, 3000, 1.0).fit(set(x, y, 2), TrainingListener.NONE);
        assertThat(m.probabilities(new double[] {1})[1]).isCloseTo(0.75, within(1e-6));
        assertThat(m.probabilities(new double[] {-1})[1]).isCloseTo(0.25, within(1e-6));
    }

    @Test
    void modelsLearnASignalAndRankItsFeatureFirst() {
        TrainingSet train = noisyThreeClass(1500, 1);
        TrainingSet test = noisyThreeClass(500, 2);
        List<ModelTrainer> trainers = List.of(new RandomForestTrainer(30, 6, 5, 0, 32, 3),
                new GradientBoostingTrainer(60, 0.1, 3, 5, 0.8, 1.0, 32, 3), LogisticRegressionTrainer.defaults());
        for (ModelTrainer t : trainers) {
            long[] last = new long[2];
            Classifier m = t.fit(train, (phase, done, total) -> {
                last[0] = done;
                last[1] = total;
            });
            assertThat(last[0]).as("progress of %s", t.kind()).isEqualTo(last[1]).isPositive();
            double[][] p = new double[test.size()][];
            m.probabilities(test.rows(), p);
            ClassificationMetrics metrics = ClassificationMetrics.of(test.classesOfSamples(), p, 3);
            // the labels are a noisy threshold of x0 + x1/2: well above the 1/3 of chance
            assertThat(metrics.accuracy()).as(t.kind()).isGreaterThan(0.7);
            double[] importance = m.featureImportance();
            assertThat(importance[0]).as(t.kind()).isEqualTo(max(importance));
            assertThat(sum(importance)).isCloseTo(1.0, within(1e-9));
            for (double[] row : p) {
                assertThat(sum(row)).isCloseTo(1.0, within(1e-9));
            }
            for (int i = 0; i < test.size(); i++) {
                // the batch path (tree by tree for forests and boosting) gives the row path's numbers
                assertThat(p[i]).containsExactly(m.probabilities(test.x(i)));
            }
            Classifier back = ModelCodec.read(ModelCodec.write(m));
            for (int i = 0; i < 20; i++) {
                assertThat(back.probabilities(test.x(i))).containsExactly(m.probabilities(test.x(i)));
            }
        }
    }

    @Test
    void everyTrainerRefusesASetWithoutSamplesNamingIt() {
        TrainingSet empty = TrainingSet.of(new double[0][], new int[0], new int[0], new int[0], new long[0],
                List.of("x"), 2);
        for (ModelTrainer t : List.of(GradientBoostingTrainer.defaults(1), RandomForestTrainer.defaults(1),
                LogisticRegressionTrainer.defaults(), XGBoostTrainer.defaults(1),
                NeuralNetTrainer.mlp(new int[] {4}, 1, 8, 0.01, 1))) {
            assertThatThrownBy(() -> t.fit(empty, TrainingListener.NONE)).as(t.kind())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("data: no samples");
        }
    }

    @Test
    void stackingWeightsFollowOutOfSampleSkill() {
        TrainingSet train = noisyThreeClass(600, 5);
        // a forest of stumps on one random feature each is weaker than logistic regression here
        ModelTrainer weak = new RandomForestTrainer(5, 1, 50, 1, 8, 9);
        WeightedEnsemble e = new StackingTrainer(List.of(weak, LogisticRegressionTrainer.defaults()),
                PurgedKFold.of(4, 0)).fit(train, TrainingListener.NONE);
        double prior = ClassificationMetrics.priorLogLoss(train.classesOfSamples(), 3);
        double[] loss = e.memberLogLoss();
        double s0 = Math.max(0, 1 - loss[0] / prior);
        double s1 = Math.max(0, 1 - loss[1] / prior);
        assertThat(e.weights()[1]).isCloseTo(s1 / (s0 + s1), within(1e-12)).isGreaterThan(e.weights()[0]);
        Classifier back = ModelCodec.read(ModelCodec.write(e));
        assertThat(back.probabilities(train.x(0))).containsExactly(e.probabilities(train.x(0)));
    }

    @Test
    void metricsByHand() {
        // actual 0 0 1 1 2; predicted 0 1 1 1 0
        double[][] p = {{.8, .1, .1}, {.2, .7, .1}, {.1, .8, .1}, {.3, .6, .1}, {.5, .2, .3}};
        ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 0, 1, 1, 2}, p, 3);
        assertThat(m.accuracy()).isEqualTo(0.6);
        assertThat(m.confusion()[0]).containsExactly(1, 1, 0);
        assertThat(m.precision()[1]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.recall()[0]).isEqualTo(0.5);
        assertThat(m.precision()[2]).isNaN();
        assertThat(m.logLoss()).isCloseTo(-(Math.log(.8) + Math.log(.2) + Math.log(.8) + Math.log(.6) + Math.log(.3)) / 5,
                within(1e-12));
    }

    @Test
    void rejectsBadInputNamingTheField() {
        assertThatThrownBy(() -> new RandomForestTrainer(0, 1, 1, 0, 8, 1)).hasMessageStartingWith("trees:");
        assertThatThrownBy(() -> new GradientBoostingTrainer(1, 0, 1, 1, 1, 1, 8, 1)).hasMessageStartingWith("learningRate:");
        assertThatThrownBy(() -> ModelCodec.read(new byte[3])).hasMessageStartingWith("bytes:");
        Classifier m = LogisticRegressionTrainer.defaults().fit(noisyThreeClass(50, 1), TrainingListener.NONE);
        assertThatThrownBy(() -> m.probabilities(new double[2])).hasMessageStartingWith("x:");
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    private static double max(double[] v) {
        double s = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            s = Math.max(s, d);
        }
        return s;
    }
}
