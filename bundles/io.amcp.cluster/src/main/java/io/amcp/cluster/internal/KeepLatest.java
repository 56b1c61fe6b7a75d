package io.amcp.cluster.internal;

import com.hazelcast.map.EntryProcessor;
import io.amcp.cluster.internal.CachedMarketData.Timed;
import java.util.Map;

/** Stores {@code value} unless the entry already holds a later one; atomic on the entry's partition. */
record KeepLatest<V extends Timed>(V value) implements EntryProcessor<String, V, Boolean> {

    private static final long serialVersionUID = 1L;

    @Override
    public Boolean process(Map.Entry<String, V> entry) {
        V current = entry.getValue();
        if (current != null && current.time() > value.time()) {
            return false;
        }
        entry.setValue(value);
        return true;
    }
}
