package io.amcp.cluster.internal;

import com.hazelcast.map.EntryProcessor;
import io.amcp.cluster.Ownership;
import java.util.Map;

/** Ends a lease at once (orderly shutdown), only if {@code member} still holds it at {@code epoch}. */
record ReleaseLease(String member, long epoch) implements EntryProcessor<String, Ownership, Boolean> {

    private static final long serialVersionUID = 1L;

    @Override
    public Boolean process(Map.Entry<String, Ownership> entry) {
        Ownership current = entry.getValue();
        if (current == null || !current.owner().equals(member) || current.epoch() != epoch) {
            return false;
        }
        entry.setValue(new Ownership(current.strategy(), member, current.ownerName(), epoch, 0));
        return true;
    }
}
