package io.amcp.shell.internal;

import io.amcp.api.spi.TradingNode;
import io.amcp.api.spi.TradingNode.StrategyInfo;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the ids of the strategies the node knows. */
@Service
public class StrategyIdCompleter implements Completer {

    @Reference
    TradingNode node;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        for (StrategyInfo s : node.strategies()) {
            ids.getStrings().add(s.id().value());
        }
        return ids.complete(session, commandLine, candidates);
    }
}
