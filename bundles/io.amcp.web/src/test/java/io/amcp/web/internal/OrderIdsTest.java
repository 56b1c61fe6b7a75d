package io.amcp.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.ClientOrderId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderIdsTest {

    @Test
    void idsAreTheJdksNameBasedUuidsOfTheClientOrderIds() {
        OrderIds ids = new OrderIds();
        for (String value : new String[] {"a-1", "strat:7-c1", "manual-0001", "A.b_c-9", "x".repeat(120)}) {
            String expected = UUID.nameUUIDFromBytes(("amcp-order:" + value).getBytes(StandardCharsets.UTF_8)).toString();
            String id = ids.idOf(ClientOrderId.of(value));
            assertThat(id).isEqualTo(expected);
            assertThat(ids.lookup(UUID.fromString(id))).isEqualTo(ClientOrderId.of(value));
        }
        assertThat(OrderIds.assetId("AAPL"))
                .isEqualTo(UUID.nameUUIDFromBytes("amcp-asset:AAPL".getBytes(StandardCharsets.UTF_8)).toString());
    }
}
