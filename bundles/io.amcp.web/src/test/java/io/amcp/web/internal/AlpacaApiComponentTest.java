package io.amcp.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Money;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.web.ApiKeyStore;
import io.amcp.web.Role;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component as the framework would build it: keys from a key file, a free port on 127.0.0.1. */
class AlpacaApiComponentTest {

    @Test
    void servesTheNodeWithKeysFromTheKeyFile(@TempDir Path dir) throws Exception {
        String line = new ApiKeyStore(1_000).add("PKFILE", "file-secret-0123456789", Role.VIEWER);
        Path keys = dir.resolve("keys");
        Files.write(keys, List.of("# API keys", line));
        Kernel kernel = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("5000"), 1.0);
        AlpacaApiComponent component = new AlpacaApiComponent(kernel, kernel.clock(), config(keys.toString()), null);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + component.port() + "/v2/account"))
                    .header("APCA-API-KEY-ID", "PKFILE").header("APCA-API-SECRET-KEY", "file-secret-0123456789").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"cash\":\"5000\"").contains("\"account_number\":\"PA42\"");
        } finally {
            component.deactivate();
        }
    }

    private static AlpacaApiConfig config(String keysFile) {
        return new AlpacaApiConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AlpacaApiConfig.class; }
            @Override public String host() { return "127.0.0.1"; }
            @Override public int port() { return 0; }
            @Override public String keysFile() { return keysFile; }
            @Override public String accountNumber() { return "PA42"; }
            @Override public int requestsPerMinute() { return 200; }
            @Override public int burst() { return 200; }
            @Override public int maxBodyBytes() { return 65536; }
            @Override public String[] assets() { return new String[] {"AAPL:equity:NASDAQ:Apple Inc."}; }
            @Override public boolean console() { return false; }
            @Override public String nodeId() { return "node-test"; }
            @Override public String modelRegistry() { return "models"; }
        };
    }
}
