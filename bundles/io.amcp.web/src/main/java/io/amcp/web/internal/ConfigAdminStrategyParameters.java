package io.amcp.web.internal;

import io.amcp.web.StrategyParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Strategy parameters kept in Config Admin, as {@code amcp:strategy-params} keeps them: the factory
 * configuration whose {@code id} property is the strategy id. An update keeps each parameter's
 * type; the strategy's component restarts with the new values and the runner swaps it in place.
 */
final class ConfigAdminStrategyParameters implements StrategyParameters {

    private final Supplier<ConfigurationAdmin> admin;

    ConfigAdminStrategyParameters(Supplier<ConfigurationAdmin> admin) {
        this.admin = admin;
    }

    @Override
    public Map<String, Object> get(String strategyId) {
        return parameters(find(strategyId).getProperties());
    }

    @Override
    public Map<String, Object> update(String strategyId, Map<String, String> changes) {
        Configuration config = find(strategyId);
        Dictionary<String, Object> properties = config.getProperties();
        Map<String, Object> current = parameters(properties);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String key = e.getKey();
            if (key.equals("id")) {
                throw new IllegalArgumentException("id: cannot be changed at run time (deploy a new configuration instead)");
            }
            Object old = current.get(key);
            if (old == null) {
                throw new IllegalArgumentException(key + ": unknown parameter; known: " + current.keySet());
            }
            properties.put(key, convert(key, e.getValue().trim(), old));
        }
        try {
            config.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the configuration of " + strategyId, e);
        }
        return parameters(properties);
    }

    private Configuration find(String id) {
        ConfigurationAdmin ca = admin.get();
        if (ca == null) {
            throw new IllegalStateException("Config Admin is not available");
        }
        Configuration[] found;
        try {
            found = ca.listConfigurations("(id=" + id.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                    .replace("*", "\\*") + ")");
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalArgumentException("id: cannot look up '" + id + "': " + e.getMessage(), e);
        }
        List<Configuration> factory = new ArrayList<>();
        if (found != null) {
            for (Configuration c : found) {
                if (c.getFactoryPid() != null) {
                    factory.add(c);
                }
            }
        }
        if (factory.size() != 1) {
            throw new IllegalArgumentException("id: " + factory.size() + " strategy configurations have id=" + id
                    + " (parameters can be changed for strategies configured by etc/<pid>-<name>.cfg)");
        }
        return factory.get(0);
    }

    private static Map<String, Object> parameters(Dictionary<String, Object> properties) {
        Map<String, Object> out = new TreeMap<>();
        for (String key : Collections.list(properties.keys())) {
            if (!key.startsWith("service.") && !key.startsWith("felix.") && !key.startsWith("component.")
                    && !key.startsWith("org.apache.")) {
                Object v = properties.get(key);
                out.put(key, v instanceof String[] a ? String.join(",", a) : v);
            }
        }
        return new LinkedHashMap<>(out);
    }

    private static Object convert(String key, String text, Object old) {
        try {
            if (old instanceof Integer) {
                return Integer.valueOf(text);
            } else if (old instanceof Long) {
                return Long.valueOf(text);
            } else if (old instanceof Double) {
                return Double.valueOf(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a "
                    + old.getClass().getSimpleName().toLowerCase(Locale.ROOT), e);
        }
        if (old instanceof Boolean) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(key + ": '" + text + "' is not true or false");
            }
            return Boolean.valueOf(text);
        }
        return text;
    }
}
