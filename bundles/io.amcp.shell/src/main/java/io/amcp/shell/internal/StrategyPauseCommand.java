package io.amcp.shell.internal;

import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.TradingNode;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code amcp:strategy-pause <id>}. */
@Service
@Command(scope = "amcp", name = "strategy-pause", description = "Stops market data to a strategy; its order events still arrive")
public class StrategyPauseCommand extends StrategyCommand {

    @Override
    void apply(TradingNode node, StrategyId strategy) {
        node.pauseStrategy(strategy);
    }
}
