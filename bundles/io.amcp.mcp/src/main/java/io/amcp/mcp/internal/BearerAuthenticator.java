package io.amcp.mcp.internal;

import io.amcp.web.ApiKeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks {@code Authorization: Bearer <keyId>:<secret>} against the platform's API keys (the same
 * keys as the Alpaca-compatible API). Thread-safe.
 */
final class BearerAuthenticator {

    private static final String PREFIX = "Bearer ";

    private final Supplier<ApiKeyStore> keys;

    private BearerAuthenticator(Supplier<ApiKeyStore> keys) {
        this.keys = keys;
    }

    /** Over a fixed key store. */
    static BearerAuthenticator of(ApiKeyStore keys) {
        return new BearerAuthenticator(() -> keys);
    }

    /**
     * Over the web bundle's key file, read again whenever it changes (keys added with the shell or on
     * first start take effect without a restart). A missing file means no key is valid.
     */
    static BearerAuthenticator ofFile(Path file) {
        return new BearerAuthenticator(new Supplier<>() {
            private FileTime loaded;
            private ApiKeyStore store = new ApiKeyStore();

            @Override
            public synchronized ApiKeyStore get() {
                try {
                    if (!Files.exists(file)) {
                        return store = new ApiKeyStore();
                    }
                    FileTime modified = Files.getLastModifiedTime(file);
                    if (!modified.equals(loaded)) {
                        store = ApiKeyStore.load(Files.readAllLines(file, StandardCharsets.UTF_8));
                        loaded = modified;
                    }
                    return store;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read API keys from " + file, e);
                }
            }
        });
    }

    /** The caller a header names, or empty when it is missing, malformed or wrong. */
    Optional<Caller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(PREFIX.length()).trim();
        int colon = token.indexOf(':');
        if (colon <= 0 || colon == token.length() - 1) {
            return Optional.empty();
        }
        String keyId = token.substring(0, colon);
        return keys.get().authenticate(keyId, token.substring(colon + 1)).map(role -> new Caller(keyId, role));
    }
}
