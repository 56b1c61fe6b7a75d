package io.amcp.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Watchlists of the account, kept in a JSON file (written to a temporary file and moved over the old
 * one, so a crash never leaves half a file). Thread-safe.
 */
final class WatchlistStore {

    /**
     * One watchlist.
     *
     * @param id        stable id (a UUID, as Alpaca's)
     * @param name      unique name
     * @param symbols   symbols in order
     * @param createdAt when it was created
     * @param updatedAt when it last changed
     */
    record Watchlist(String id, String name, List<String> symbols, String createdAt, String updatedAt) {
        Watchlist {
            symbols = List.copyOf(symbols);
        }
    }

    private final Path file;
    private final McpJsonMapper json;
    private final Map<String, Watchlist> lists = new LinkedHashMap<>();

    WatchlistStore(Path file, McpJsonMapper json) {
        this.file = file;
        this.json = json;
        if (Files.exists(file)) {
            try {
                List<Watchlist> stored = json.readValue(Files.readAllBytes(file), new TypeRef<List<Watchlist>>() {
                });
                stored.forEach(w -> lists.put(w.id(), w));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read watchlists from " + file, e);
            }
        }
    }

    synchronized List<Watchlist> all() {
        return new ArrayList<>(lists.values());
    }

    synchronized Optional<Watchlist> find(String idOrName) {
        return lists.values().stream().filter(w -> w.id().equals(idOrName) || w.name().equals(idOrName)).findFirst();
    }

    synchronized Watchlist create(String name, List<String> symbols, Instant now) {
        if (find(name).isPresent()) {
            throw new ToolArgumentException("name", "a watchlist named '" + name + "' exists already");
        }
        Watchlist w = new Watchlist(UUID.randomUUID().toString(), name, symbols, now.toString(), now.toString());
        lists.put(w.id(), w);
        save();
        return w;
    }

    synchronized Watchlist update(String id, String name, List<String> symbols, Instant now) {
        Watchlist old = find(id).orElseThrow(() -> new ToolArgumentException("watchlist_id", "no watchlist '" + id + "'"));
        if (name != null && !name.equals(old.name()) && find(name).isPresent()) {
            throw new ToolArgumentException("name", "a watchlist named '" + name + "' exists already");
        }
        Watchlist w = new Watchlist(old.id(), name == null ? old.name() : name,
                symbols == null ? old.symbols() : symbols, old.createdAt(), now.toString());
        lists.put(w.id(), w);
        save();
        return w;
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, json.writeValueAsBytes(new ArrayList<>(lists.values())));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write watchlists to " + file, e);
        }
    }
}
