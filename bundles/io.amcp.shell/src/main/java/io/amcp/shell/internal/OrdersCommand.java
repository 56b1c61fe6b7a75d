package io.amcp.shell.internal;

import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.TradingNode;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code amcp:orders}: open orders, or every order with {@code --all}. */
@Service
@Command(scope = "amcp", name = "orders", description = "Lists open orders, newest first")
public class OrdersCommand implements Action {

    @Reference
    TradingNode node;

    @Option(name = "-a", aliases = "--all", description = "Also list filled, canceled, rejected and expired orders")
    boolean all;

    @Override
    public Object execute() {
        table(node.orders(), all).print(System.out);
        return null;
    }

    static ShellTable table(List<OrderView> orders, boolean all) {
        ShellTable table = new ShellTable().emptyTableText(all ? "No orders" : "No open orders (amcp:orders --all lists every order)");
        table.column("Client order id");
        table.column("Strategy");
        table.column("Symbol");
        table.column("Side");
        table.column("Type");
        table.column("Qty").alignRight();
        table.column("Filled").alignRight();
        table.column("Avg price").alignRight();
        table.column("Status");
        table.column("Reason");
        for (OrderView o : orders) {
            if (all || !o.status().isTerminal()) {
                SubmitOrder r = o.request();
                table.addRow().addContent(o.clientOrderId(), o.strategyId(), r.instrument(), r.side(), r.type(),
                        r.quantity(), o.filledQuantity(), blankIfNull(o.averageFillPrice()), o.status(),
                        blankIfNull(o.reason()));
            }
        }
        return table;
    }

    private static Object blankIfNull(Object value) {
        return value == null ? "" : value;
    }
}
