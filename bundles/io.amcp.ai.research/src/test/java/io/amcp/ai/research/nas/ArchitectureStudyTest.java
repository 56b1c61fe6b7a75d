package io.amcp.ai.research.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
