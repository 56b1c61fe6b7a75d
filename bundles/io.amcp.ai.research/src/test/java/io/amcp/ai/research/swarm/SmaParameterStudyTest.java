package io.amcp.ai.research.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.research.internal.Stats;
import io.amcp.api.model.BarSeries;
import io.amcp.datasource.file.BundledDatasets;
import org.junit.jupiter.api.Test;

class SmaParameterStudyTest {

    @Test
    void searchesStayInTheBoxAndTheBuyAndHoldBaselineIsTheRealCloseRatio() {
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        SmaParameterStudy.Outcome out = new SmaParameterStudy("aapl", aapl, 252, 0.6, 20, 40, 4, 3, 5).run();
        assertThat(out.psoParams()[0]).isBetween(2, 20);
        assertThat(out.psoParams()[1] - out.psoParams()[0]).isBetween(1, 40);
        assertThat(out.gridParams()[0]).isBetween(2, 20);
        assertThat(out.backtests()).isEqualTo(16);
        // the grid's winner is at least as good in sample as the default, which the grid need not contain,
        // so compare only what must hold: each search's reported in-sample best is what it reported
        assertThat(out.gridInSample()).isGreaterThan(Double.NEGATIVE_INFINITY);
        double[] c = aapl.closesAsDouble();
        int from = (int) Math.round(c.length * 0.6) - 1;
        double[] hold = new double[c.length - 1 - from];
        for (int t = from; t < c.length - 1; t++) {
            hold[t - from] = c[t + 1] / c[t] - 1;
        }
        assertThat(out.buyAndHoldOutOfSample()).isCloseTo(Stats.sharpe(hold, 252), within(1e-9));
        assertThat(out.report().beatBaseline()).isEqualTo(out.psoOutOfSample() > out.gridOutOfSample()
                && out.psoOutOfSample() > out.defaultOutOfSample());
    }

    @Test
    void backtestEquityHasOneSamplePerBar() {
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        assertThat(Backtests.smaCrossEquity(aapl, 10, 30)).hasSize(aapl.size());
    }
}
