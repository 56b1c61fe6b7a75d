package io.amcp.shell.internal;

import io.amcp.api.spi.PluginDeployer;
import io.amcp.api.spi.PluginDeployer.Deployment;
import java.io.IOException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code amcp:strategy-deploy <mvn:...|file:...>}: deploys a strategy bundle while trading. A new
 * version of an installed bundle replaces it; its strategies are swapped between two events.
 */
@Service
@Command(scope = "amcp", name = "strategy-deploy",
        description = "Deploys a strategy bundle while trading: a new version of an installed bundle is hot-swapped")
public class StrategyDeployCommand implements Action {

    @Reference
    PluginDeployer deployer;

    @Argument(index = 0, name = "location", description = "mvn:group/artifact/version or file:/path/to/bundle.jar",
            required = true)
    String location;

    @Override
    public Object execute() throws IOException {
        Deployment d = deployer.deploy(location);
        System.out.println(d.updated()
                ? "Updated " + d.symbolicName() + " " + d.previous() + " -> " + d.version() + " (bundle " + d.bundleId()
                        + "); its strategies are swapped in place"
                : "Installed " + d.symbolicName() + " " + d.version() + " (bundle " + d.bundleId() + ")");
        return null;
    }
}
