package io.amcp.shell.internal;

import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.TradingNode;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

/** A lifecycle command on one strategy id: thin, the node does the work and names a wrong id. */
abstract class StrategyCommand implements Action {

    @Reference
    TradingNode node;

    @Argument(index = 0, name = "id", description = "strategy id (see amcp:strategy-list)", required = true)
    @Completion(StrategyIdCompleter.class)
    String id;

    @Override
    public Object execute() {
        StrategyId strategy = StrategyId.of(id);
        apply(node, strategy);
        node.strategies().stream().filter(s -> s.id().equals(strategy)).findFirst()
                .ifPresent(s -> System.out.println("Strategy " + id + ": " + s.state()
                        + (s.reason() == null ? "" : " (" + s.reason() + ")")));
        return null;
    }

    abstract void apply(TradingNode node, StrategyId strategy);
}
