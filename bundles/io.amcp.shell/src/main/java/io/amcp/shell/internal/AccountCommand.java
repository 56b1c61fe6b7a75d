package io.amcp.shell.internal;

import io.amcp.api.portfolio.AccountView;
import io.amcp.api.spi.TradingNode;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code amcp:account}: cash, equity, buying power and P&L of the account. */
@Service
@Command(scope = "amcp", name = "account", description = "Shows the account: cash, equity, buying power, P&L")
public class AccountCommand implements Action {

    @Reference
    TradingNode node;

    @Override
    public Object execute() {
        table(node.account()).print(System.out);
        return null;
    }

    static ShellTable table(AccountView a) {
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value").alignRight();
        table.addRow().addContent("Cash", a.cash());
        table.addRow().addContent("Equity", a.equity());
        table.addRow().addContent("Buying power", a.buyingPower());
        table.addRow().addContent("Long market value", a.longMarketValue());
        table.addRow().addContent("Short market value", a.shortMarketValue());
        table.addRow().addContent("Realized P&L", a.realizedPnl());
        table.addRow().addContent("Unrealized P&L", a.unrealizedPnl());
        table.addRow().addContent("Day P&L", a.dayPnl());
        table.addRow().addContent("Commissions", a.commissions());
        return table;
    }
}
