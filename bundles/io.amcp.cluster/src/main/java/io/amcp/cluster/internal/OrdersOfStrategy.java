package io.amcp.cluster.internal;

import com.hazelcast.query.Predicate;
import io.amcp.cluster.OrderRecord;
import java.util.Map;

/** Selects one strategy's orders, evaluated on the members that hold them. */
record OrdersOfStrategy(String strategy) implements Predicate<String, OrderRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean apply(Map.Entry<String, OrderRecord> entry) {
        return entry.getValue().strategy().equals(strategy);
    }
}
