package io.amcp.cluster.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.amcp.api.model.StrategyId;
import io.amcp.cluster.Ownership;
import io.amcp.cluster.OwnershipListener;
import io.amcp.cluster.StrategyOwnership;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;

/**
 * Leases on the shared assignment map, on three threads that never wait for each other: the renewer
 * extends, every quarter lease, what this member holds ({@link RenewLease}, only at its own epoch),
 * with all requests in flight at once and each bounded by its lease; the taker takes expired
 * strategies over under the map's key lock; the watchdog only reads the monotonic clock, so a gap
 * longer than a lease between two of its wake-ups means the whole process was stalled (GC, SIGSTOP):
 * everything is dropped and nothing is taken for a quarantine while the cluster view settles. The
 * local lease deadline is measured from before the request that granted it, so a member never
 * believes in a lease longer than the cluster does.
 */
final class OwnershipManager implements StrategyOwnership, MembershipListener {

    private static final Logger LOG = Logger.getLogger(OwnershipManager.class.getName());

    private record Held(long epoch, long deadlineNanos) {
    }

    private final HazelcastInstance hazelcast;
    private final IMap<String, Ownership> assignments;
    private final String memberId;
    private final String memberName;
    private final long leaseMillis;
    private final long leaseNanos;
    private final long quarantineNanos;
    private final int quorum;
    private final Map<StrategyId, Held> held = new ConcurrentHashMap<>();
    private final List<OwnershipListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService renewer;
    private final ScheduledExecutorService taker;
    private final ScheduledExecutorService watchdog;
    private final ExecutorService notifier;
    private long lastWatchNanos;
    private volatile long quarantineUntilNanos;
    private final AtomicLong stalls = new AtomicLong();

    OwnershipManager(HazelcastInstance hazelcast, IMap<String, Ownership> assignments, String memberName,
            long leaseMillis, long quarantineMillis, int quorum) {
        this.hazelcast = hazelcast;
        this.assignments = assignments;
        this.memberId = hazelcast.getCluster().getLocalMember().getUuid().toString();
        this.memberName = memberName;
        this.leaseMillis = leaseMillis;
        this.leaseNanos = TimeUnit.MILLISECONDS.toNanos(leaseMillis);
        this.quarantineNanos = TimeUnit.MILLISECONDS.toNanos(quarantineMillis);
        this.quarantineUntilNanos = System.nanoTime();
        this.quorum = quorum;
        this.renewer = Executors.newSingleThreadScheduledExecutor(daemon("amcp-cluster-renew-" + memberName));
        this.taker = Executors.newSingleThreadScheduledExecutor(daemon("amcp-cluster-take-" + memberName));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("amcp-cluster-watchdog-" + memberName));
        this.notifier = Executors.newSingleThreadExecutor(daemon("amcp-cluster-ownership-" + memberName));
    }

    void start() {
        hazelcast.getCluster().addMembershipListener(this);
        long period = Math.max(50, leaseMillis / 4);
        watchdog.scheduleAtFixedRate(this::watch, 0, Math.max(20, leaseMillis / 16), TimeUnit.MILLISECONDS);
        renewer.scheduleWithFixedDelay(() -> safely("renewal", this::renewHeld), period, period, TimeUnit.MILLISECONDS);
        taker.scheduleWithFixedDelay(() -> safely("takeover", this::takeOverExpired), 0, period, TimeUnit.MILLISECONDS);
    }

    void stop() {
        watchdog.shutdownNow();
        taker.shutdownNow();
        renewer.shutdownNow();
        for (Map.Entry<StrategyId, Held> e : held.entrySet()) {
            release(e.getKey(), e.getValue().epoch());
        }
        held.clear();
        notifier.shutdown();
        try {
            notifier.awaitTermination(leaseMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String memberId() {
        return memberId;
    }

    @Override
    public void register(StrategyId strategy) {
        assignments.putIfAbsent(strategy.value(), Ownership.unassigned(strategy.value()));
        takeOverSoon();
    }

    @Override
    public Optional<Ownership> ownership(StrategyId strategy) {
        return Optional.ofNullable(assignments.get(strategy.value()));
    }

    @Override
    public Map<StrategyId, Ownership> assignments() {
        Map<StrategyId, Ownership> out = new TreeMap<>();
        assignments.forEach((k, v) -> out.put(StrategyId.of(k), v));
        return out;
    }

    @Override
    public OptionalLong heldEpoch(StrategyId strategy) {
        Held h = held.get(strategy);
        if (h == null || System.nanoTime() - h.deadlineNanos() >= 0 || !mayOwn()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(h.epoch());
    }

    /** Not quarantined, and enough members in view (a member alone after a split owns nothing). */
    private boolean mayOwn() {
        return System.nanoTime() - quarantineUntilNanos >= 0 && hazelcast.getCluster().getMembers().size() >= quorum;
    }

    @Override
    public void addListener(OwnershipListener listener) {
        listeners.add(listener);
        held.forEach((s, h) -> notifier.execute(() -> listener.acquired(s, h.epoch())));
    }

    @Override
    public void removeListener(OwnershipListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        takeOverSoon();
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        takeOverSoon();
    }

    private void takeOverSoon() {
        if (!taker.isShutdown()) {
            taker.execute(() -> safely("takeover", this::takeOverExpired));
        }
    }

    private void safely(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " failed on " + memberName + ": " + e.getMessage(), e);
        }
    }

    private void watch() {
        long now = System.nanoTime();
        if (lastWatchNanos != 0 && now - lastWatchNanos > leaseNanos) {
            stalled(now);
            dropAll("this member was stalled for " + TimeUnit.NANOSECONDS.toMillis(now - lastWatchNanos)
                    + " ms, longer than the lease");
        }
        lastWatchNanos = now;
    }

    private void stalled(long now) {
        stalls.incrementAndGet();
        quarantineUntilNanos = now + quarantineNanos;
    }

    private void renewHeld() {
        Map<StrategyId, Held> snapshot = new HashMap<>(held);
        Map<StrategyId, CompletableFuture<Boolean>> pending = new HashMap<>();
        long requested = System.nanoTime();
        long expiresAt = hazelcast.getCluster().getClusterTime() + leaseMillis;
        for (Map.Entry<StrategyId, Held> e : snapshot.entrySet()) {
            if (requested - e.getValue().deadlineNanos() >= 0) {
                drop(e.getKey(), e.getValue(), "lease expired before it could be renewed");
            } else {
                pending.put(e.getKey(), assignments.submitToKey(e.getKey().value(),
                        new RenewLease(memberId, e.getValue().epoch(), expiresAt)).toCompletableFuture());
            }
        }
        for (Map.Entry<StrategyId, CompletableFuture<Boolean>> e : pending.entrySet()) {
            StrategyId strategy = e.getKey();
            Held h = snapshot.get(strategy);
            long wait = Math.max(0, h.deadlineNanos() - System.nanoTime());
            try {
                if (Boolean.TRUE.equals(e.getValue().get(wait, TimeUnit.NANOSECONDS))) {
                    held.replace(strategy, h, new Held(h.epoch(), requested + leaseNanos));
                } else {
                    drop(strategy, h, "another member holds a later epoch");
                }
            } catch (TimeoutException ex) {
                LOG.fine(() -> "lease renewal of " + strategy + " timed out; it runs out unless the next succeeds");
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException ex) {
                LOG.fine(() -> "lease renewal of " + strategy + " failed: " + ex.getCause());
            }
        }
    }

    private void takeOverExpired() {
        long passStart = System.nanoTime();
        long stallsAtStart = stalls.get();
        if (!mayOwn()) {
            return;
        }
        List<String> members = new ArrayList<>();
        for (Member m : hazelcast.getCluster().getMembers()) {
            members.add(m.getUuid().toString());
        }
        long clusterNow = hazelcast.getCluster().getClusterTime();
        for (Ownership o : assignments.values()) {
            StrategyId strategy = StrategyId.of(o.strategy());
            if (held.containsKey(strategy) || !o.expiredAt(clusterNow)) {
                continue;
            }
            long expiredFor = o.owner().isEmpty() ? Long.MAX_VALUE : clusterNow - o.leaseExpiresAt();
            // the preferred member takes it at once; the others only if it did not within another lease
            if (preferred(members, o.strategy()).equals(memberId) || expiredFor > leaseMillis) {
                tryTakeOver(strategy, passStart, stallsAtStart);
            }
        }
    }

    /**
     * A pass that took longer than a lease, or saw a stall, may be working from a view the rest of
     * the cluster has left behind (this process frozen mid-pass, then split off): it must not write.
     */
    private boolean viewStillFresh(long passStart, long stallsAtStart) {
        return System.nanoTime() - passStart <= leaseNanos && stalls.get() == stallsAtStart && mayOwn();
    }

    private void tryTakeOver(StrategyId strategy, long passStart, long stallsAtStart) {
        String key = strategy.value();
        Ownership taken;
        long requested = System.nanoTime();
        try {
            if (!assignments.tryLock(key, leaseMillis / 4, TimeUnit.MILLISECONDS, leaseMillis, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            Ownership current = assignments.get(key);
            long clusterNow = hazelcast.getCluster().getClusterTime();
            if (current == null || !current.expiredAt(clusterNow) || !viewStillFresh(passStart, stallsAtStart)) {
                return;
            }
            taken = current.takenOverBy(memberId, memberName, clusterNow, clusterNow + leaseMillis);
            assignments.set(key, taken);
            held.put(strategy, new Held(taken.epoch(), requested + leaseNanos));
        } finally {
            unlock(key);
        }
        LOG.info(() -> memberName + " took over " + strategy + " at epoch " + taken.epoch());
        long epoch = taken.epoch();
        tell(l -> l.acquired(strategy, epoch));
    }

    private void release(StrategyId strategy, long epoch) {
        try {
            assignments.submitToKey(strategy.value(), new ReleaseLease(memberId, epoch))
                    .toCompletableFuture().get(leaseMillis / 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.fine(() -> "release of " + strategy + " failed; its lease will run out: " + e);
        }
    }

    private void dropAll(String reason) {
        for (Map.Entry<StrategyId, Held> e : held.entrySet()) {
            drop(e.getKey(), e.getValue(), reason);
        }
    }

    private void drop(StrategyId strategy, Held h, String reason) {
        if (held.remove(strategy, h)) {
            LOG.info(() -> memberName + " lost " + strategy + " at epoch " + h.epoch() + ": " + reason);
            tell(l -> l.lost(strategy, h.epoch(), reason));
        }
    }

    private void tell(Consumer<OwnershipListener> call) {
        for (OwnershipListener l : listeners) {
            notifier.execute(() -> {
                try {
                    call.accept(l);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "ownership listener failed: " + e.getMessage(), e);
                }
            });
        }
    }

    /** Rendezvous hashing: the member with the highest hash of (member, strategy). */
    static String preferred(List<String> members, String strategy) {
        String best = members.get(0);
        long bestScore = Long.MIN_VALUE;
        for (String m : members) {
            CRC32 crc = new CRC32();
            crc.update((m + "/" + strategy).getBytes(StandardCharsets.UTF_8));
            long score = crc.getValue();
            if (score > bestScore) {
                best = m;
                bestScore = score;
            }
        }
        return best;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Releases the key lock; if its lease ran out meanwhile (this thread stalled) there is nothing to release. */
    private void unlock(String key) {
        try {
            assignments.unlock(key);
        } catch (IllegalMonitorStateException e) {
            LOG.fine(() -> "lock on " + key + " had already expired: " + e.getMessage());
        }
    }
}
