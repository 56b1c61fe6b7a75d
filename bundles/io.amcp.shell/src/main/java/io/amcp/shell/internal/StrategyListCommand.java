package io.amcp.shell.internal;

import io.amcp.api.spi.TradingNode;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code amcp:strategy-list}: the strategies with state, version, reason and counters. */
@Service
@Command(scope = "amcp", name = "strategy-list", description = "Lists strategies: state, bundle version, events, orders, swaps, failure reason")
public class StrategyListCommand implements Action {

    @Reference
    TradingNode node;

    @Override
    public Object execute() {
        StrategiesCommand.table(node.strategies()).print(System.out);
        return null;
    }
}
