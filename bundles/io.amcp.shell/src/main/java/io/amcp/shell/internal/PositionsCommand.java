package io.amcp.shell.internal;

import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.TradingNode;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code amcp:positions}: the open positions. */
@Service
@Command(scope = "amcp", name = "positions", description = "Lists open positions")
public class PositionsCommand implements Action {

    @Reference
    TradingNode node;

    @Override
    public Object execute() {
        table(node.positions()).print(System.out);
        return null;
    }

    static ShellTable table(List<PositionView> positions) {
        ShellTable table = new ShellTable().emptyTableText("No open positions");
        table.column("Symbol");
        table.column("Qty").alignRight();
        table.column("Avg cost").alignRight();
        table.column("Last").alignRight();
        table.column("Market value").alignRight();
        table.column("Unrealized P&L").alignRight();
        table.column("Realized P&L").alignRight();
        for (PositionView p : positions) {
            table.addRow().addContent(p.instrument(), p.quantity(), p.averageCost(), p.lastPrice(), p.marketValue(),
                    p.unrealizedPnl(), p.realizedPnl());
        }
        return table;
    }
}
