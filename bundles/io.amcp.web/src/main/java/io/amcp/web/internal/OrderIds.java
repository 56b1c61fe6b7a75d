package io.amcp.web.internal;

import io.amcp.api.model.ClientOrderId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alpaca order ids: a name-based (version 3) UUID of the platform's client order id, so the same
 * order has the same id after a restart; the reverse map is filled as orders are seen.
 */
public final class OrderIds {

    private static final int MAX_CACHED_ASSETS = 10_000;
    /** Asset ids by symbol: every order rendered carries one, and each costs an MD5 digest. */
    private static final Map<String, String> ASSET_IDS = new ConcurrentHashMap<>();

    /**
     * One MD5 digest per thread: {@link UUID#nameUUIDFromBytes} looks the algorithm up for every id,
     * which was a third of the cost of rendering an order.
     */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available: " + e.getMessage(), e);
        }
    });

    private final Map<UUID, ClientOrderId> byId = new ConcurrentHashMap<>();

    /** The UUID of a client order id (deterministic). */
    private static UUID uuidOf(ClientOrderId clientOrderId) {
        return nameUuid("amcp-order:" + clientOrderId.value());
    }

    /**
     * The version 3 (MD5, name-based) UUID of {@code name}'s UTF-8 bytes: the same value as
     * {@link UUID#nameUUIDFromBytes}, with the digest reused (RFC 4122 section 4.3: version bits 0011,
     * variant bits 10).
     */
    static UUID nameUuid(String name) {
        byte[] md5 = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8));
        md5[6] = (byte) ((md5[6] & 0x0f) | 0x30);
        md5[8] = (byte) ((md5[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (md5[i] & 0xff);
            least = (least << 8) | (md5[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    /** The Alpaca id of an order, remembering the mapping. */
    public String idOf(ClientOrderId clientOrderId) {
        UUID id = uuidOf(clientOrderId);
        byId.putIfAbsent(id, clientOrderId);
        return id.toString();
    }

    /** The client order id behind an Alpaca id seen before, or null. */
    public ClientOrderId lookup(UUID id) {
        return byId.get(id);
    }

    /** The UUID of an asset (deterministic in its symbol), remembered for the first {@value #MAX_CACHED_ASSETS} symbols. */
    public static String assetId(String symbol) {
        String cached = ASSET_IDS.get(symbol);
        if (cached != null) {
            return cached;
        }
        String id = nameUuid("amcp-asset:" + symbol).toString();
        if (ASSET_IDS.size() < MAX_CACHED_ASSETS) {
            ASSET_IDS.putIfAbsent(symbol, id);
        }
        return id;
    }
}
