package io.amcp.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrdersCommandTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    private final List<OrderView> orders = List.of(
            order("c-3", OrderStatus.REJECTED, Quantity.ZERO, null, "kill switch engaged: test"),
            order("c-2", OrderStatus.ACCEPTED, Quantity.ZERO, null, null),
            order("c-1", OrderStatus.FILLED, Quantity.of(10), Price.of("500.25"), null));

    @Test
    void listsOnlyWorkingOrdersByDefault() {
        List<List<String>> cells = Tables.cells(OrdersCommand.table(orders, false));

        assertThat(cells.get(0)).containsExactly("Client order id", "Strategy", "Symbol", "Side", "Type", "Qty",
                "Filled", "Avg price", "Status", "Reason");
        assertThat(cells).hasSize(2);
        assertThat(cells.get(1)).containsExactly("c-2", "sma", "AAPL", "BUY", "MARKET", "10", "0", "", "ACCEPTED", "");
    }

    @Test
    void listsEveryOrderNewestFirstWithAll() {
        List<List<String>> cells = Tables.cells(OrdersCommand.table(orders, true));

        assertThat(cells).extracting(row -> row.get(0)).containsExactly("Client order id", "c-3", "c-2", "c-1");
        assertThat(cells.get(1)).endsWith("REJECTED", "kill switch engaged: test");
        assertThat(cells.get(3)).containsSubsequence("10", "10", "500.25", "FILLED");
    }

    @Test
    void saysSoWhenNothingIsOpen() {
        assertThat(Tables.render(OrdersCommand.table(List.of(orders.get(2)), false)))
                .contains("No open orders (amcp:orders --all lists every order)");
    }

    private static OrderView order(String id, OrderStatus status, Quantity filled, Price averagePrice, String reason) {
        return new OrderView(ClientOrderId.of(id), OrderId.of("v-" + id), StrategyId.of("sma"),
                SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)), status, filled, averagePrice, null, 0L, 0L, reason);
    }
}
