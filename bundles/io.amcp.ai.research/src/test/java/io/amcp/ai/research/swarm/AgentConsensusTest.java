package io.amcp.ai.research.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.research.internal.Stats;
import io.amcp.api.model.BarSeries;
import io.amcp.datasource.file.BundledDatasets;
import org.junit.jupiter.api.Test;

class AgentConsensusTest {

    private static final double[] CLOSE = {1, 2, 3, 2, 1};

    @Test
    void votesMatchTheRulesAppliedByHand() {
        assertThat(new AgentConsensus.Agent(AgentConsensus.Kind.MOMENTUM, 2, 0).votes(CLOSE)).containsExactly(0, 0, 1, 0, -1);
        // breakout(2): 3 > max(1,2) up; 2 inside [2,3] keeps up; 1 < min(3,2) down
        assertThat(new AgentConsensus.Agent(AgentConsensus.Kind.BREAKOUT, 2, 0).votes(CLOSE)).containsExactly(0, 0, 1, 1, -1);
        // mean reversion(3, 0.5) votes from t = 3: closes 2,3,2 have mean 7/3, sd sqrt(1/3), z = -0.577 < -0.5 -> +1;
        // t = 4: closes 3,2,1 have mean 2, sd 1, z = -1 -> +1
        assertThat(new AgentConsensus.Agent(AgentConsensus.Kind.MEAN_REVERSION, 3, 0.5).votes(CLOSE)).containsExactly(0, 0, 0, 1, 1);
        assertThat(new AgentConsensus.Agent(AgentConsensus.Kind.MEAN_REVERSION, 3, 1.5).votes(CLOSE)).containsExactly(0, 0, 0, 0, 0);
        assertThat(AgentConsensus.population()).hasSizeGreaterThanOrEqualTo(100);
        assertThatThrownBy(() -> new AgentConsensus.Agent(AgentConsensus.Kind.MOMENTUM, 1, 0))
                .hasMessageContaining("lookback:");
    }

    @Test
    void longFlatReturnsChargeTheCostOnEveryChange() {
        double[] r = AgentConsensus.longFlatReturns(new double[] {1, 0, 1}, new double[] {100, 110, 99}, 0, 10);
        // long over 100 -> 110 after buying (10 bps), then selling (10 bps) and flat over 110 -> 99
        assertThat(r).containsExactly(new double[] {0.1 - 0.001, -0.001}, within(1e-12));
    }

    @Test
    void buyAndHoldOfTheStudyIsTheCloseRatioOfTheHeldOutBars() {
        BarSeries btc = new BundledDatasets().load(BundledDatasets.BTC_BITSTAMP).get(0);
        double[] close = btc.closesAsDouble();
        AgentConsensus.Outcome out = AgentConsensus.study("btc", close, 105_120, 0.5, 5);
        int from = (int) Math.round(close.length * 0.5);
        assertThat(out.buyAndHoldReturn()).isCloseTo(close[close.length - 1] / close[from] - 1, within(1e-9));
        assertThat(out.agents()).isEqualTo(160);
        assertThat(out.report().beatBaseline())
                .isEqualTo(out.consensusSharpe() > out.momentumSharpe() && out.consensusSharpe() > out.buyAndHoldSharpe()
                        && out.consensusReturn() > 0);
        assertThat(Stats.sharpe(new double[] {0.01, 0.03}, 4)).isCloseTo(0.02 / Math.sqrt(0.0002) * 2, within(1e-12));
    }
}
