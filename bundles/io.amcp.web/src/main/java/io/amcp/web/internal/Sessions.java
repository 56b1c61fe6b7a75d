package io.amcp.web.internal;

import io.amcp.web.Role;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console log-in sessions: an API key id and secret checked once earn a random bearer token that
 * stands for the key until it is logged out or {@link #ttlNanos} pass without use. Tokens live in
 * memory only, so a restart logs everyone out.
 */
public final class Sessions {

    /** One logged-in key. */
    public record Session(String token, String keyId, Role role) {
    }

    private record Entry(Session session, long lastUsedNanos) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> byToken = new ConcurrentHashMap<>();
    private final long ttlNanos;

    /** @param ttlNanos idle time after which a token stops working */
    public Sessions(long ttlNanos) {
        if (ttlNanos <= 0) {
            throw new IllegalArgumentException("ttlNanos: must be positive, was " + ttlNanos);
        }
        this.ttlNanos = ttlNanos;
    }

    /** A new session for an authenticated key. */
    public Session open(String keyId, Role role) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Session s = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), keyId, role);
        byToken.put(s.token(), new Entry(s, System.nanoTime()));
        return s;
    }

    /** The session a token stands for, refreshing its idle timer; empty when unknown or expired. */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Entry e = byToken.get(token);
        long now = System.nanoTime();
        if (e == null) {
            return Optional.empty();
        }
        if (now - e.lastUsedNanos() > ttlNanos) {
            byToken.remove(token);
            return Optional.empty();
        }
        byToken.put(token, new Entry(e.session(), now));
        return Optional.of(e.session());
    }

    /** Ends a session; returns whether it existed. */
    public boolean close(String token) {
        return token != null && byToken.remove(token) != null;
    }
}
