package io.amcp.web.internal;

import io.amcp.api.model.ClientOrderId;
import java.nio.charset.StandardCharsets;
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

    private final Map<UUID, ClientOrderId> byId = new ConcurrentHashMap<>();

    /** The UUID of a client order id (deterministic). */
    private static UUID uuidOf(ClientOrderId clientOrderId) {
        return UUID.nameUUIDFromBytes(("amcp-order:" + clientOrderId.value()).getBytes(StandardCharsets.UTF_8));
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
        String id = UUID.nameUUIDFromBytes(("amcp-asset:" + symbol).getBytes(StandardCharsets.UTF_8)).toString();
        if (ASSET_IDS.size() < MAX_CACHED_ASSETS) {
            ASSET_IDS.putIfAbsent(symbol, id);
        }
        return id;
    }
}
