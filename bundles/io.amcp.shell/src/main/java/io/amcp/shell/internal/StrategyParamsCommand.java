package io.amcp.shell.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code amcp:strategy-params <id> [key=value ...]}: shows or changes a strategy's parameters at run
 * time through Config Admin. The strategy's component restarts with the new values and the runner
 * swaps it in place, carrying its snapshot, open orders and positions over.
 */
@Service
@Command(scope = "amcp", name = "strategy-params",
        description = "Shows a strategy's parameters, or changes them at run time (key=value ...) through Config Admin")
public class StrategyParamsCommand implements Action {

    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "id", description = "strategy id (see amcp:strategy-list)", required = true)
    @Completion(StrategyIdCompleter.class)
    String id;

    @Argument(index = 1, name = "assignments", description = "key=value pairs to change", multiValued = true)
    List<String> assignments;

    @Override
    public Object execute() throws IOException, InvalidSyntaxException {
        Configuration config = find(configAdmin, id);
        Dictionary<String, Object> properties = config.getProperties();
        if (assignments == null || assignments.isEmpty()) {
            ShellTable table = new ShellTable();
            table.column("Parameter");
            table.column("Value");
            for (String key : Collections.list(properties.keys())) {
                if (isParameter(key)) {
                    table.addRow().addContent(key, properties.get(key));
                }
            }
            System.out.println("Strategy " + id + " (" + config.getFactoryPid() + ")");
            table.print(System.out);
            return null;
        }
        Map<String, Object> changes = parse(assignments, properties);
        changes.forEach(properties::put);
        config.update(properties);
        System.out.println("Strategy " + id + ": " + changes + " applied; it restarts with them, state carried over");
        return null;
    }

    /** The factory configuration whose {@code id} property is the strategy id. */
    static Configuration find(ConfigurationAdmin admin, String id) throws IOException, InvalidSyntaxException {
        Configuration[] found = admin.listConfigurations("(id=" + escape(id) + ")");
        List<Configuration> factory = new ArrayList<>();
        if (found != null) {
            for (Configuration c : found) {
                if (c.getFactoryPid() != null) {
                    factory.add(c);
                }
            }
        }
        if (factory.isEmpty()) {
            throw new IllegalArgumentException("id: no strategy configuration has id=" + id
                    + " (parameters can be changed for strategies configured by etc/<pid>-<name>.cfg)");
        }
        if (factory.size() > 1) {
            throw new IllegalArgumentException("id: " + factory.size() + " configurations claim id=" + id);
        }
        return factory.get(0);
    }

    /** Parses key=value pairs, keeping each parameter's current type; errors name the parameter. */
    static Map<String, Object> parse(List<String> assignments, Dictionary<String, Object> current) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("assignments: expected key=value, got '" + assignment + "'");
            }
            String key = assignment.substring(0, eq).trim();
            String text = assignment.substring(eq + 1).trim();
            if (key.equals("id")) {
                throw new IllegalArgumentException("id: cannot be changed at run time (deploy a new configuration instead)");
            }
            Object old = current.get(key);
            if (old == null || !isParameter(key)) {
                List<String> known = new ArrayList<>();
                for (String k : Collections.list(current.keys())) {
                    if (isParameter(k)) {
                        known.add(k);
                    }
                }
                throw new IllegalArgumentException(key + ": unknown parameter; known: " + known);
            }
            changes.put(key, convert(key, text, old));
        }
        return changes;
    }

    private static Object convert(String key, String text, Object old) {
        try {
            if (old instanceof Integer) {
                return Integer.valueOf(text);
            }
            if (old instanceof Long) {
                return Long.valueOf(text);
            }
            if (old instanceof Double) {
                return Double.valueOf(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a " + old.getClass().getSimpleName().toLowerCase(), e);
        }
        if (old instanceof Boolean) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(key + ": '" + text + "' is not true or false");
            }
            return Boolean.valueOf(text);
        }
        return text;
    }

    private static boolean isParameter(String key) {
        return !key.startsWith("service.") && !key.startsWith("felix.") && !key.startsWith("component.")
                && !key.startsWith("org.apache.");
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
