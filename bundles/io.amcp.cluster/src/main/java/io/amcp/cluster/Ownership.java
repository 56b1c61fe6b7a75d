package io.amcp.cluster;

import java.io.Serializable;
import java.util.Objects;

/**
 * The assignment of one strategy to one member, as stored in the shared assignment map.
 *
 * @param strategy        the strategy id
 * @param owner           the owning member's UUID; empty while nobody has taken the strategy
 * @param ownerName       the owning member's configured name (for operators), empty if unowned
 * @param epoch           the fencing token: 0 before the first owner, then at every takeover the larger of
 *                        one more and the cluster time in milliseconds
 * @param leaseExpiresAt  cluster time (milliseconds since the epoch) after which the lease is free
 */
public record Ownership(String strategy, String owner, String ownerName, long epoch, long leaseExpiresAt)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public Ownership {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(ownerName, "ownerName");
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch: must not be negative, was " + epoch);
        }
    }

    /** A registered strategy nobody has taken yet. */
    public static Ownership unassigned(String strategy) {
        return new Ownership(strategy, "", "", 0, 0);
    }

    /** Whether the lease is free at cluster time {@code clusterMillis}. */
    public boolean expiredAt(long clusterMillis) {
        return owner.isEmpty() || clusterMillis > leaseExpiresAt;
    }

    /**
     * The record after a takeover by {@code member} at cluster time {@code clusterMillis}: a fresh lease
     * and an epoch above both this record's and the clock's, so epochs keep growing even if a record
     * was lost with its partition and had to be registered again.
     */
    public Ownership takenOverBy(String member, String memberName, long clusterMillis, long expiresAt) {
        return new Ownership(strategy, member, memberName, Math.max(Math.addExact(epoch, 1), clusterMillis), expiresAt);
    }

    /** The same ownership with its lease extended to {@code expiresAt}. */
    public Ownership renewedUntil(long expiresAt) {
        return new Ownership(strategy, owner, ownerName, epoch, expiresAt);
    }
}
