package io.amcp.cluster;

import com.hazelcast.map.IMap;

/**
 * The maps every member sees the same way (synchronous backups on another member, so one member's
 * death loses nothing that was acknowledged). Register entry listeners on them to follow changes.
 */
public interface SharedState {

    /** Fenced orders by client order id. */
    IMap<String, OrderRecord> orders();

    /** Positions by {@link PositionRecord#key()}. */
    IMap<String, PositionRecord> positions();

    /** Account snapshots by account id. */
    IMap<String, AccountRecord> accounts();

    /** Strategy assignments by strategy id. */
    IMap<String, Ownership> assignments();
}
