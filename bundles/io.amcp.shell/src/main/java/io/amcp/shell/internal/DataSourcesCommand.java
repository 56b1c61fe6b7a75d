package io.amcp.shell.internal;

import io.amcp.api.spi.DataSourceHealth;
import io.amcp.api.spi.DataSourceHealth.FeedHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * {@code amcp:data-sources}: the data manager's view: every installed data source's feeds with their
 * state, freshness (time since the last successful request) and last error, so a failing source is
 * seen at once while the others keep serving.
 */
@Service
@Command(scope = "amcp", name = "data-sources", description = "Lists every data source's feeds: state, freshness, failures, last error")
public class DataSourcesCommand implements Action {

    @Reference
    BundleContext context;

    @Override
    public Object execute() throws InvalidSyntaxException {
        table(sources(), Instant.now()).print(System.out);
        return null;
    }

    private List<DataSourceHealth> sources() throws InvalidSyntaxException {
        List<DataSourceHealth> out = new ArrayList<>();
        for (ServiceReference<DataSourceHealth> ref : context.getServiceReferences(DataSourceHealth.class, null)) {
            DataSourceHealth source = context.getService(ref);
            if (source != null) {
                out.add(source);
            }
        }
        out.sort(Comparator.comparing(DataSourceHealth::sourceId));
        return out;
    }

    static ShellTable table(List<DataSourceHealth> sources, Instant now) {
        ShellTable table = new ShellTable();
        table.column("Source");
        table.column("Feed");
        table.column("State");
        table.column("Fresh").alignRight();
        table.column("Failures").alignRight();
        table.column("Last error").maxSize(60);
        for (DataSourceHealth source : sources) {
            for (FeedHealth f : source.feeds()) {
                table.addRow().addContent(source.sourceId(), f.feed(), f.status().state(),
                        f.age(now).map(DataSourcesCommand::age).orElse("never"), f.consecutiveFailures(), f.lastError());
            }
        }
        return table;
    }

    /** A compact age: 42s, 7m, 3h, 2d. */
    static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172_800 ? s / 3600 + "h" : s / 86_400 + "d";
    }
}
