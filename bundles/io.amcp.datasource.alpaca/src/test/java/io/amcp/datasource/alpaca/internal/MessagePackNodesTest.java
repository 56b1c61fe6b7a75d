package io.amcp.datasource.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.TradeTick;
import io.amcp.codec.msgpack.MessagePack;
import io.amcp.datasource.alpaca.AlpacaValues;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePackNodesTest {

    /** A stream trade as Alpaca's msgpack stream sends it: {@code t} as the timestamp extension type. */
    @Test
    void aTradesTimestampReachesEpochNanosWithoutText() {
        Map<String, Object> trade = new LinkedHashMap<>();
        trade.put("T", "t");
        trade.put("S", "AAPL");
        trade.put("t", Instant.parse("2021-02-22T19:16:00.335689322Z"));
        trade.put("p", "126.55");
        trade.put("s", 100L);
        JsonNode messages = MessagePackNodes.node(MessagePack.decode(MessagePack.encode(List.of(trade))));

        JsonNode t = messages.get(0).get("t");
        assertThat(t.isPojo()).as("t holds the decoded instant, not RFC 3339 text").isTrue();
        TradeTick tick = AlpacaValues.trade(InstrumentId.of("AAPL"), messages.get(0));
        // date -u -d 2021-02-22T19:16:00Z +%s = 1614021360; then the 335689322 ns of the stamp
        assertThat(tick.time()).isEqualTo(1_614_021_360_335_689_322L);
    }
}
