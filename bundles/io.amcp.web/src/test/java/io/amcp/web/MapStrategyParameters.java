package io.amcp.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strategy parameters in a map, typed like Config Admin keeps them (an update keeps each value's
 * type), standing in for Config Admin outside OSGi.
 */
final class MapStrategyParameters implements StrategyParameters {

    private final Map<String, Map<String, Object>> byStrategy = new LinkedHashMap<>();

    MapStrategyParameters with(String strategyId, Map<String, Object> parameters) {
        byStrategy.put(strategyId, new LinkedHashMap<>(parameters));
        return this;
    }

    @Override
    public synchronized Map<String, Object> get(String strategyId) {
        Map<String, Object> p = byStrategy.get(strategyId);
        if (p == null) {
            throw new IllegalArgumentException("id: no strategy configuration has id=" + strategyId);
        }
        return Map.copyOf(p);
    }

    @Override
    public synchronized Map<String, Object> update(String strategyId, Map<String, String> changes) {
        Map<String, Object> p = new LinkedHashMap<>(get(strategyId));
        for (Map.Entry<String, String> e : changes.entrySet()) {
            Object old = p.get(e.getKey());
            if (old == null) {
                throw new IllegalArgumentException(e.getKey() + ": unknown parameter; known: " + p.keySet());
            }
            try {
                p.put(e.getKey(), old instanceof Integer ? Integer.valueOf(e.getValue()) : e.getValue());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(e.getKey() + ": '" + e.getValue() + "' is not an integer", ex);
            }
        }
        byStrategy.put(strategyId, p);
        return Map.copyOf(p);
    }
}
