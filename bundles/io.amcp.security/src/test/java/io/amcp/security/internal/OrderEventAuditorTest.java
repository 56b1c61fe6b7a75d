package io.amcp.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.AuditLog.Entry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderEventAuditorTest {

    @TempDir
    Path dir;

    private JdbcAuditLog log;

    @BeforeEach
    void openLog() {
        log = new JdbcAuditLog("jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath(), "amcp", "", Clock.systemUTC());
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void riskDenialsAndVenueRejectionsLandInTheAuditLog() {
        OrderEventAuditor auditor = new OrderEventAuditor(log);
        SubmitOrder buy = SubmitOrder.limit(InstrumentId.of("AAPL"), Side.BUY, Quantity.of(500), Price.of("190.25"));
        SubmitOrder sell = SubmitOrder.market(InstrumentId.of("MSFT"), Side.SELL, Quantity.of(20));
        auditor.onOrderEvent(new OrderDenied(ClientOrderId.of("c-1"), StrategyId.of("sma-aapl"), buy, "max-position",
                "position 700 would exceed the limit of 500", 1L), null);
        auditor.onOrderEvent(new OrderAccepted(ClientOrderId.of("c-2"), OrderId.of("v-9"), 2L), null);
        OrderView rejectedView = new OrderView(ClientOrderId.of("c-3"), null, StrategyId.of("manual"), sell,
                OrderStatus.REJECTED, Quantity.ZERO, null, null, 3L, 3L, "insufficient buying power");
        auditor.onOrderEvent(new OrderRejected(ClientOrderId.of("c-3"), "insufficient buying power", 3L), rejectedView);
        auditor.onOrderEvent(new OrderRejected(ClientOrderId.of("c-4"), "market closed", 4L), null);

        assertThat(auditor.drain(10)).isTrue();
        List<Entry> entries = log.recent(10);
        assertThat(entries).extracting(Entry::actor, Entry::action, Entry::subject, Entry::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("risk:max-position", "order.denied", "c-1",
                        "position 700 would exceed the limit of 500 [sma-aapl: BUY 500 AAPL LIMIT limit 190.25]"),
                org.assertj.core.groups.Tuple.tuple("venue", "order.rejected", "c-3",
                        "insufficient buying power [manual: SELL 20 MSFT MARKET]"),
                org.assertj.core.groups.Tuple.tuple("venue", "order.rejected", "c-4", "market closed"));
        assertThat(log.verify()).isEqualTo(-1);
    }
}
