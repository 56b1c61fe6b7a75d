package io.amcp.shell.internal;

import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.TradingNode;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code amcp:strategy-start <id>}. */
@Service
@Command(scope = "amcp", name = "strategy-start", description = "Starts a STOPPED or FAILED strategy again with its last good state")
public class StrategyStartCommand extends StrategyCommand {

    @Override
    void apply(TradingNode node, StrategyId strategy) {
        node.startStrategy(strategy);
    }
}
