package io.amcp.shell.internal;

import io.amcp.api.spi.TradingNode;
import io.amcp.api.spi.TradingNode.StrategyInfo;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code amcp:strategies}: the strategies the node runs (same table as {@code amcp:strategy-list}). */
@Service
@Command(scope = "amcp", name = "strategies", description = "Lists the strategies of the trading node")
public class StrategiesCommand implements Action {

    @Reference
    TradingNode node;

    @Override
    public Object execute() {
        table(node.strategies()).print(System.out);
        return null;
    }

    static ShellTable table(List<StrategyInfo> strategies) {
        ShellTable table = new ShellTable().emptyTableText("No strategies");
        table.column("Id");
        table.column("State");
        table.column("Version");
        table.column("Events").alignRight();
        table.column("Orders").alignRight();
        table.column("Swaps").alignRight();
        table.column("Class");
        table.column("Reason");
        for (StrategyInfo s : strategies) {
            table.addRow().addContent(s.id(), s.state(), s.version(), s.eventsHandled(), s.ordersSubmitted(), s.swaps(),
                    s.className(), s.reason() == null ? "" : s.reason());
        }
        return table;
    }
}
