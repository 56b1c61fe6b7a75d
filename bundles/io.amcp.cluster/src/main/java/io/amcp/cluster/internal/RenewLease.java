package io.amcp.cluster.internal;

import com.hazelcast.map.EntryProcessor;
import io.amcp.cluster.Ownership;
import java.util.Map;

/** Extends a lease, atomically on the record's partition, only if {@code member} still holds it at {@code epoch}. */
record RenewLease(String member, long epoch, long expiresAt) implements EntryProcessor<String, Ownership, Boolean> {

    private static final long serialVersionUID = 1L;

    @Override
    public Boolean process(Map.Entry<String, Ownership> entry) {
        Ownership current = entry.getValue();
        if (current == null || !current.owner().equals(member) || current.epoch() != epoch) {
            return false;
        }
        entry.setValue(current.renewedUntil(Math.max(expiresAt, current.leaseExpiresAt())));
        return true;
    }
}
