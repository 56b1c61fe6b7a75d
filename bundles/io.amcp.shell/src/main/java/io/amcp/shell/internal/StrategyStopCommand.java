package io.amcp.shell.internal;

import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.TradingNode;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code amcp:strategy-stop <id>}. */
@Service
@Command(scope = "amcp", name = "strategy-stop", description = "Stops a strategy (snapshot kept; working orders per the halted-strategy policy)")
public class StrategyStopCommand extends StrategyCommand {

    @Override
    void apply(TradingNode node, StrategyId strategy) {
        node.stopStrategy(strategy);
    }
}
