package io.amcp.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.order.OrderStatus;
import org.junit.jupiter.api.Test;

/** Alpaca's documented order statuses (trading API v2, "Order Lifecycle") against the OMS's. */
class AlpacaOrderStatusTest {

    @Test
    void everyDocumentedStatusHasItsPlace() {
        assertThat(AlpacaOrderStatus.toOms("new")).contains(OrderStatus.ACCEPTED);
        assertThat(AlpacaOrderStatus.toOms("accepted")).contains(OrderStatus.ACCEPTED);
        assertThat(AlpacaOrderStatus.toOms("pending_new")).contains(OrderStatus.ACCEPTED);
        assertThat(AlpacaOrderStatus.toOms("held")).contains(OrderStatus.HELD);
        assertThat(AlpacaOrderStatus.toOms("partially_filled")).contains(OrderStatus.PARTIALLY_FILLED);
        assertThat(AlpacaOrderStatus.toOms("filled")).contains(OrderStatus.FILLED);
        assertThat(AlpacaOrderStatus.toOms("pending_cancel")).contains(OrderStatus.PENDING_CANCEL);
        assertThat(AlpacaOrderStatus.toOms("canceled")).contains(OrderStatus.CANCELED);
        assertThat(AlpacaOrderStatus.toOms("expired")).contains(OrderStatus.EXPIRED);
        assertThat(AlpacaOrderStatus.toOms("rejected")).contains(OrderStatus.REJECTED);
        assertThat(AlpacaOrderStatus.toOms("replaced")).contains(OrderStatus.REPLACED);
        for (String noChange : new String[] {"done_for_day", "pending_replace", "stopped", "suspended", "calculated"}) {
            assertThat(AlpacaOrderStatus.toOms(noChange)).as(noChange).isEmpty();
        }
        assertThat(AlpacaOrderStatus.isAcknowledged("held")).isFalse();
        assertThat(AlpacaOrderStatus.isAcknowledged("rejected")).isFalse();
        assertThat(AlpacaOrderStatus.isAcknowledged("done_for_day")).isTrue();
    }
}
