package io.amcp.ai.research.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.features.FeatureEngine;
import io.amcp.ai.features.FeatureMatrix;
import io.amcp.ai.models.TrainingSet;
import io.amcp.api.model.BarSeries;
import io.amcp.datasource.file.BundledDatasets;
import org.junit.jupiter.api.Test;

class ArchitectureStudyTest {

    @Test
    void walkForwardCoversTheSecondHalfAndTheVerdictNeedsTheClassPriorBeaten() {
        BarSeries btc = new BundledDatasets().load(BundledDatasets.BTC_BITSTAMP).get(0);
        ArchitectureStudy.Outcome out = new ArchitectureStudy("btc", btc, 2, 1, 6, 1, 3).run();
        TrainingSet data = ArchitectureStudy.samples(btc);
        assertThat(data.features()).isEqualTo(134);
        assertThat(out.testSamples()).isEqualTo(data.size() - data.size() / 2);
        assertThat(out.search().epochsSpent()).isEqualTo(6);
        // with three classes the prior's log-loss is at most about ln 3 unless the classes shift a lot
        assertThat(out.priorLogLoss()).isCloseTo(Math.log(3), within(0.3));
        assertThat(out.report().beatBaseline()).isEqualTo(out.nasLogLoss() < out.defaultLogLoss()
                && out.nasLogLoss() < out.logisticLogLoss() && out.nasLogLoss() < out.priorLogLoss());
    }

    @Test
    void windowedSamplesHoldTheFeatureRowsOfTheBarAndTheBarsBeforeItOldestFirst() {
        BarSeries eth = new BundledDatasets().load(BundledDatasets.ETH_5MIN).get(0);
        FeatureMatrix features = FeatureEngine.standard().compute(eth);
        TrainingSet plain = ArchitectureStudy.samples(eth);
        TrainingSet windowed = ArchitectureStudy.windowedSamples(eth, 3);
        assertThat(windowed.size()).isEqualTo(plain.size());
        assertThat(windowed.features()).isEqualTo(3 * 134);
        for (int i : new int[] {0, plain.size() / 2, plain.size() - 1}) {
            int bar = plain.labelStart(i);
            assertThat(windowed.y(i)).isEqualTo(plain.y(i));
            for (int k = 0; k < 3; k++) {
                double[] row = features.row(bar - 2 + k);
                for (int f = 0; f < 134; f++) {
                    assertThat(Double.compare(windowed.x(i)[k * 134 + f], row[f])).isZero();
                }
            }
        }
        assertThat(windowed.featureNames().get(0)).endsWith("@-2");
        assertThat(windowed.featureNames().get(2 * 134)).isEqualTo(plain.featureNames().get(0));
    }

    @Test
    void recurrentStudyReportsTheBestRecurrentCandidateWithinTheSameBudget() {
        BarSeries eth = new BundledDatasets().load(BundledDatasets.ETH_5MIN).get(0);
        ArchitectureStudy.Outcome out = new ArchitectureStudy("eth", eth, 3, 1, 18, 1, 5, 4).run();
        assertThat(out.search().epochsSpent()).isLessThanOrEqualTo(18);
        long recurrent = out.search().evaluated().stream().filter(c -> c.architecture().isRecurrent()).count();
        assertThat(out.report().figures().get("recurrentCandidatesEvaluated")).isEqualTo((int) recurrent);
        assertThat(out.search().evaluated()).allMatch(c -> c.architecture().steps() <= 4);
        if (out.bestRecurrent() != null) {
            assertThat(out.recurrentLogLoss()).isPositive();
            assertThat(out.recurrentAccuracy()).isBetween(0.0, 1.0);
        }
    }
}
