package io.amcp.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Money;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.marketdata.MarketDataFanout;
import io.amcp.web.ApiKeyStore;
import io.amcp.web.Role;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DS component as the framework would build it: keys from a key file, a free port on 127.0.0.1;
 * with {@code tls} over HTTPS, checked by a JDK client that trusts only the server's certificate.
 */
class AlpacaApiComponentTest {

    /** The market data hub the component subscribes to; nothing is published in these tests. */
    private static final MarketDataFanout HUB = new MarketDataFanout();

    @Test
    void servesTheNodeWithKeysFromTheKeyFile(@TempDir Path dir) throws Exception {
        String line = new ApiKeyStore(1_000).add("PKFILE", "file-secret-0123456789", Role.VIEWER);
        Path keys = dir.resolve("keys");
        Files.write(keys, List.of("# API keys", line));
        Kernel kernel = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("5000"), 1.0);
        AlpacaApiComponent component = new AlpacaApiComponent(kernel, kernel.clock(), HUB, null, config(keys.toString(), false, ""), null);
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

    private static HttpResponse<String> account(HttpClient client, int port) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/v2/account"))
                .header("APCA-API-KEY-ID", "PKFILE").header("APCA-API-SECRET-KEY", "file-secret-0123456789").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A client that trusts exactly {@code certificate}. */
    private static HttpClient trusting(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("amcp", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Test
    void tlsWithASelfSignedCertificateGeneratedOnFirstStartThenAConfiguredKeystore(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        Files.write(keys, List.of(new ApiKeyStore(1_000).add("PKFILE", "file-secret-0123456789", Role.VIEWER)));
        Kernel kernel = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("5000"), 1.0);
        String previous = System.getProperty("karaf.data");
        System.setProperty("karaf.data", dir.toString());
        try {
            AlpacaApiComponent first = new AlpacaApiComponent(kernel, kernel.clock(), HUB, null, config(keys.toString(), true, ""), null);
            Path store = dir.resolve("amcp/web-tls.p12");
            char[] password = Files.readString(dir.resolve("amcp/web-tls.password")).strip().toCharArray();
            X509Certificate certificate = SelfSignedKeystore.certificate(store, password);
            try {
                assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("O=AMCP,CN=localhost");
                assertThat(Files.getPosixFilePermissions(store)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
                HttpResponse<String> r = account(trusting(certificate), first.port());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"account_number\":\"PA42\"");
                // the JDK's default trust store does not know the certificate
                assertThatThrownBy(() -> account(HttpClient.newHttpClient(), first.port())).isInstanceOf(SSLHandshakeException.class);
            } finally {
                first.deactivate();
            }
            // a second start reuses the certificate
            AlpacaApiComponent again = new AlpacaApiComponent(kernel, kernel.clock(), HUB, null, config(keys.toString(), true, ""), null);
            try {
                assertThat(account(trusting(certificate), again.port()).statusCode()).isEqualTo(200);
            } finally {
                again.deactivate();
            }

            // a configured keystore, its password from the credential store
            Path configured = Files.copy(store, dir.resolve("server.p12"));
            String secret = new String(password);
            assertThatThrownBy(() -> new AlpacaApiComponent(kernel, kernel.clock(), HUB, name -> Optional.empty(),
                    config(keys.toString(), true, configured.toString()), null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("web.keystore-password");
            AlpacaApiComponent withStore = new AlpacaApiComponent(kernel, kernel.clock(), HUB,
                    name -> name.equals("web.keystore-password") ? Optional.of(secret) : Optional.empty(),
                    config(keys.toString(), true, configured.toString()), null);
            try {
                assertThat(account(trusting(certificate), withStore.port()).statusCode()).isEqualTo(200);
            } finally {
                withStore.deactivate();
            }
        } finally {
            if (previous == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", previous);
            }
        }
    }

    private static AlpacaApiConfig config(String keysFile, boolean tls, String keystorePath) {
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
            @Override public boolean tls() { return tls; }
            @Override public String keystorePath() { return keystorePath; }
        };
    }
}
