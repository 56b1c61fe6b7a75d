package io.amcp.ai.models;

import static io.amcp.ai.models.ModelsTestData.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.features.TripleBarrier;
import io.amcp.ai.models.validation.PurgedKFold;
import io.amcp.ai.models.validation.Split;
import io.amcp.datasource.file.BundledDatasets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** XGBoost through {@link XGBoostTrainer}, beside the in-house gradient boosting on real bars. */
class XGBoostTest {

    /**
     * Two features on the corners of the unit square, ten copies each; the class is 1 exactly when
     * x0 = 1, whatever x1. One split on x0 at 0.5 separates the classes, so every point is classified
     * correctly, all the gain is on x0 and none on x1.
     */
    @Test
    void separableSquareIsClassifiedPerfectlyAndOnlyX0Matters() {
        double[][] corners = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        int[] cls = {0, 0, 1, 1};
        double[][] x = new double[40][];
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            x[i] = corners[i % 4];
            y[i] = cls[i % 4];
        }
        XGBoostModel m = new XGBoostTrainer(20, 0.3, 2, 0, 1.0, 1.0, 1, 1, 1).fit(set(x, y, 2), TrainingListener.NONE);
        for (int c = 0; c < 4; c++) {
            assertThat(m.predict(corners[c])).isEqualTo(cls[c]);
            assertThat(m.probabilities(corners[c])[cls[c]]).isGreaterThan(0.9);
        }
        assertThat(m.featureImportance()).containsExactly(1.0, 0.0);
        assertThat(m.kind()).isEqualTo(XGBoostModel.KIND);
    }

    /** Probabilities survive the registry codec bit for bit, and the bytes are XGBoost's UBJSON ('{' first). */
    @Test
    void predictionsAreEqualAfterSaveAndLoad() {
        TrainingSet data = ModelsTestData.noisyThreeClass(400, 3);
        XGBoostModel m = new XGBoostTrainer(30, 0.1, 3, 1, 0.8, 0.8, 1, 1, 7).fit(data, TrainingListener.NONE);
        assertThat(m.modelBytes()[0]).isEqualTo((byte) '{');
        byte[] bytes = ModelCodec.write(m);
        assertThat(ModelCodec.magic(bytes)).isEqualTo(ModelCodec.NATIVE_MAGIC);
        Classifier back = ModelCodec.read(bytes);
        assertThat(back).isInstanceOf(XGBoostModel.class);
        double[][] p = new double[data.size()][];
        double[][] q = new double[data.size()][];
        m.probabilities(data.rows(), p);
        back.probabilities(data.rows(), q);
        for (int i = 0; i < data.size(); i++) {
            assertThat(q[i]).containsExactly(p[i]);
            assertThat(p[i][0] + p[i][1] + p[i][2]).isCloseTo(1.0, within(1e-12));
        }
        assertThat(back.featureImportance()).containsExactly(m.featureImportance());
    }

    @Test
    void joinsTheStackingEnsembleWithTheSvm() {
        TrainingSet data = ModelsTestData.noisyThreeClass(300, 5);
        WeightedEnsemble e = new StackingTrainer(List.of(new XGBoostTrainer(20, 0.1, 3, 1, 1, 1, 1, 1, 1),
                new SvmTrainer(SvmTrainer.Kernel.RBF, 1.0, 0, 1e-3, 100, 300, 0, 1), LogisticRegressionTrainer.defaults()),
                PurgedKFold.of(3, 0)).fit(data, TrainingListener.NONE);
        assertThat(e.members()).extracting(Classifier::kind).containsExactly("xgboost", "svm", "logistic-regression");
        Classifier back = ModelCodec.read(ModelCodec.write(e));
        for (int i = 0; i < 10; i++) {
            assertThat(back.probabilities(data.x(i))).containsExactly(e.probabilities(data.x(i)));
        }
    }

    /**
     * Both boosters on the same purged chronological split of real BTC/USD 5-minute bars (the
     * pipeline's split: last 30% held out, training labels that reach within 2 bars of it purged).
     * Which one wins is reported, not asserted.
     */
    @Test
    void outOfSampleBesideTheInHouseGradientBoosting() {
        TripleBarrier barrier = TripleBarrier.of(1.0, 1.0, 12, 20);
        TrainingSet data = TrainingPipeline.samples(new BundledDatasets().load(BundledDatasets.BTC_BITSTAMP).get(0), barrier);
        Split split = new TrainingPipeline(XGBoostTrainer.defaults(1), barrier, 0.3, 2, 1).split(data);
        TrainingSet train = data.subset(split.train());
        TrainingSet test = data.subset(split.test());
        double prior = ClassificationMetrics.priorLogLoss(test.classesOfSamples(), 3);
        int[] counts = test.classCounts();
        double majority = (double) Math.max(counts[0], Math.max(counts[1], counts[2])) / test.size();
        List<String> progress = new ArrayList<>();
        for (ModelTrainer t : List.of(GradientBoostingTrainer.defaults(1), XGBoostTrainer.defaults(1))) {
            Classifier m = t.fit(train, (phase, done, total) -> progress.add(phase + " " + done + "/" + total));
            double[][] p = new double[test.size()][];
            m.probabilities(test.rows(), p);
            ClassificationMetrics metrics = ClassificationMetrics.of(test.classesOfSamples(), p, 3);
            double auc = ModelsTestData.aucOneVsRest(test.classesOfSamples(), p, TrainingSet.UP);
            System.out.printf("BTC 5m %-18s train %d, held out %d: accuracy %.4f (majority class %.4f), log loss %.4f "
                    + "(prior %.4f), AUC(up vs rest) %.4f%n", t.kind(), train.size(), test.size(), metrics.accuracy(),
                    majority, metrics.logLoss(), prior, auc);
            assertThat(metrics.logLoss()).isFinite();
        }
        assertThat(progress).contains("xgboost 100/100", "gradient-boosting 100/100");
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        assertThatThrownBy(() -> new XGBoostTrainer(0, 0.1, 3, 1, 1, 1, 1, 1, 1)).hasMessageStartingWith("rounds:");
        assertThatThrownBy(() -> new XGBoostTrainer(1, 0.1, 3, 1, 1, 1, 1, 0, 1)).hasMessageStartingWith("threads:");
        assertThatThrownBy(() -> new XGBoostModel(new byte[1], 2, 1, new double[2])).hasMessageStartingWith("classes:");
    }
}
