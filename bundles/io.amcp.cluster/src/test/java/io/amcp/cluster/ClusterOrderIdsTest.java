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

    @Test
    void idsNotOfTheFencedFormParseToTheSentinel() {
        assertThat(ClusterOrderIds.parseSequence(ClientOrderId.of("s1:7"))).isEqualTo(7);
        assertThat(ClusterOrderIds.parseSequence(ClientOrderId.of("a:b:12"))).isEqualTo(12);
        // an algorithm's child order, an id of the strategy's choosing, malformed sequences
        for (String id : new String[] {"s1:7-c1", "my-order-1", "s1:", "s1:0", "s1:07", "s1:-3",
                "s1:99999999999999999999"}) {
            assertThat(ClusterOrderIds.parseSequence(ClientOrderId.of(id))).as(id).isEqualTo(ClusterOrderIds.NOT_FENCED_ID);
        }
    }
}
