package io.amcp.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.StrategyId;
import org.junit.jupiter.api.Test;

class ClusterOrderIdsTest {

    @Test
    void idNamesStrategyAndSequence() {
        ClientOrderId id = ClusterOrderIds.of(StrategyId.of("sma-aapl.v2"), 42);
        assertThat(id.value()).isEqualTo("sma-aapl.v2:42");
        assertThat(ClusterOrderIds.strategyOf(id)).isEqualTo(StrategyId.of("sma-aapl.v2"));
        assertThat(ClusterOrderIds.sequenceOf(id)).isEqualTo(42);
    }

    @Test
    void malformedIdsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ClusterOrderIds.strategyOf(ClientOrderId.of("no-strategy")))
                .hasMessageStartingWith("clientOrderId: 'no-strategy' names no strategy");
        assertThatThrownBy(() -> ClusterOrderIds.sequenceOf(ClientOrderId.of("s1:x")))
                .hasMessageStartingWith("clientOrderId: 's1:x' has no sequence number");
        assertThatThrownBy(() -> ClusterOrderIds.sequenceOf(ClientOrderId.of("s1:0")))
                .hasMessageContaining("sequence from 1");
        assertThatThrownBy(() -> ClusterOrderIds.of(StrategyId.of("s1"), 0))
                .hasMessage("sequence: must be at least 1, was 0");
    }
}
