package io.amcp.ai.research.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.models.LogisticRegressionTrainer;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.models.validation.LabelWindows;
import io.amcp.ai.models.validation.Split;
import io.amcp.ai.models.validation.WalkForward;
import io.amcp.ai.research.nas.ArchitectureStudy;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.datasource.file.BundledDatasets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GanAugmentationStudyTest {

    private static final BarSeries ETH = new BundledDatasets().load(BundledDatasets.ETH_5MIN).get(0);

    @Test
    void syntheticBarsCompoundTheReturnsAndKeepWicksOutsideTheBody() {
        // ln 1.1 then ln 0.5 from 100: closes 100, 110, 55
        BarSeries bars = GanAugmentationStudy.bars(ETH, 100, new double[] {Math.log(1.1), Math.log(0.5)}, 50,
                new SplittableRandom(1));
        assertThat(FixedPoint.toDouble(bars.close()[1])).isCloseTo(110, within(1e-6));
        assertThat(FixedPoint.toDouble(bars.close()[2])).isCloseTo(55, within(1e-6));
        assertThat(FixedPoint.toDouble(bars.open()[2])).isCloseTo(110, within(1e-6));
        for (int t = 0; t < 3; t++) {
            assertThat(bars.high()[t]).isGreaterThanOrEqualTo(Math.max(bars.open()[t], bars.close()[t]));
            assertThat(bars.low()[t]).isLessThanOrEqualTo(Math.min(bars.open()[t], bars.close()[t]));
            assertThat(bars.time()[t] - bars.time()[0]).isEqualTo(t * 300_000_000_000L);
        }
    }

    @Test
    void generatorsSeeOnlyBarsBeforeTheFirstTestBlockAndTheVerdictComparesBothBaselines() {
        int lookback = io.amcp.ai.features.FeatureEngine.standard().registry().maxLookback();
        GanAugmentationStudy.Outcome out = new GanAugmentationStudy("eth", ETH, new ReturnGan(24, 4, 16, 30, 16, 1e-3, 7),
                LogisticRegressionTrainer.defaults(), 2, lookback + 40, 7).run();
        TrainingSet data = ArchitectureStudy.samples(ETH);
        // test blocks of a tenth cover the second half, less at most a final partial block
        assertThat(out.testSamples()).isBetween(data.size() - data.size() / 2 - data.size() / 10,
                data.size() - data.size() / 2);
        // the first test sample is the one after the initial half; its label starts at its bar
        assertThat(out.firstTestBar()).isEqualTo(data.labelStart(data.size() / 2));
        assertThat(out.cutoffBar()).isLessThan(out.firstTestBar() - ArchitectureStudy.EMBARGO);
        // each path of lookback + 40 bars labels at most its last 40 + 1 bars
        assertThat(out.ganSamples()).isPositive().isLessThanOrEqualTo(2 * 41);
        assertThat(out.bootSamples()).isPositive().isLessThanOrEqualTo(2 * 41);
        // the class prior by hand: each split's add-one smoothed training frequencies, scored on its test block
        double prior = 0;
        int count = 0;
        for (Split s : WalkForward.of(data.size() / 2, data.size() / 10, 0, ArchitectureStudy.EMBARGO)
                .splits(LabelWindows.of(data))) {
            int[] c = {1, 1, 1};
            for (int i : s.train()) {
                c[data.y(i)]++;
            }
            for (int i : s.test()) {
                prior += -Math.log(c[data.y(i)] / (s.train().length + 3.0));
                count++;
            }
        }
        assertThat(out.classPrior()).isCloseTo(prior / count, within(1e-9));
        assertThat(out.report().beatBaseline()).isEqualTo(out.ganAugmented()[0] < out.realOnly()[0]
                && out.ganAugmented()[0] < out.bootAugmented()[0]);
    }
}
