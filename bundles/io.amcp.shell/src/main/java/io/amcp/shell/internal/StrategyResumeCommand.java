package io.amcp.shell.internal;

import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.TradingNode;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code amcp:strategy-resume <id>}. */
@Service
@Command(scope = "amcp", name = "strategy-resume", description = "Resumes market data to a paused strategy")
public class StrategyResumeCommand extends StrategyCommand {

    @Override
    void apply(TradingNode node, StrategyId strategy) {
        node.resumeStrategy(strategy);
    }
}
