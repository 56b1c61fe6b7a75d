package io.amcp.datasource.news.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.spi.CredentialStore;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration as Karaf's etc/io.amcp.datasource.news.cfg would give it. */
class NewsComponentTest {

    @TempDir
    Path dir;

    private NewsConfig config(Map<String, Object> values) {
        return (NewsConfig) Proxy.newProxyInstance(NewsConfig.class.getClassLoader(), new Class<?>[] {NewsConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName()) : defaultOf(method));
    }

    private static Object defaultOf(Method method) {
        return method.getDefaultValue();
    }

    @Test
    void credentialStoreSecretWinsOverTheProperty() throws Exception {
        CredentialStore vault = name -> name.equals("news.webhook-secret") ? Optional.of("from-vault") : Optional.empty();
        NewsConfig config = config(Map.of("storeDirectory", dir.toString(), "webhookPort", 0, "_webhookSecret", "from-cfg"));
        try (NewsSource source = NewsComponent.create(config, List.of(vault), Clock.systemUTC())) {
            URI uri = URI.create("http://127.0.0.1:" + source.webhookPort().orElseThrow() + WebhookServer.PATH);
            assertThat(post(uri, "from-cfg")).isEqualTo(401);
            assertThat(post(uri, "from-vault")).isEqualTo(202);
        }
        NewsConfig noSecret = config(Map.of("storeDirectory", dir.toString(), "webhookPort", 0));
        assertThatThrownBy(() -> NewsComponent.create(noSecret, List.of(), Clock.systemUTC()))
                .hasMessageStartingWith("webhookSecret: the webhook needs a shared secret");
    }

    private static int post(URI uri, String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header(WebhookServer.SECRET_HEADER, secret)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Vault test\"}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void badPropertiesAreNamed() {
        assertThatThrownBy(() -> NewsComponent.create(config(Map.of("storeDirectory", dir.toString(),
                "feeds", new String[] {"https://example.com/rss"})), List.of(), Clock.systemUTC()))
                .hasMessageStartingWith("feeds[0]: expected 'kind:name=url'");
        assertThatThrownBy(() -> NewsComponent.create(config(Map.of("storeDirectory", dir.toString(),
                "feeds", new String[] {"rss:a=ftp://example.com/rss"})), List.of(), Clock.systemUTC()))
                .hasMessageStartingWith("feeds[0]: url must be http(s)");
        assertThatThrownBy(() -> NewsComponent.create(config(Map.of("storeDirectory", dir.toString(),
                "feeds", new String[] {"rss:a=https://example.com/1", "rss:a=https://example.com/2"})), List.of(), Clock.systemUTC()))
                .hasMessage("feeds[1]: feed 'rss:a' is listed twice");
        assertThatThrownBy(() -> NewsComponent.create(config(Map.of("storeDirectory", dir.toString(),
                "pollIntervalSeconds", 0)), List.of(), Clock.systemUTC()))
                .hasMessageStartingWith("pollIntervalSeconds must be > 0");
    }
}
