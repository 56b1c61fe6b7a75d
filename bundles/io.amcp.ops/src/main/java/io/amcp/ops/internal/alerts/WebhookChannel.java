package io.amcp.ops.internal.alerts;

import io.amcp.ops.Alert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs each alert as a JSON object to a URL. The body carries the alert's fields plus a
 * {@code text} line, which Slack and Mattermost incoming webhooks display as the message.
 */
final class WebhookChannel implements AlertChannel {

    private final URI url;
    private final String node;
    private final Duration timeout;
    private final HttpClient http;

    WebhookChannel(URI url, String node, Duration timeout) {
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("webhookUrl: expected an http(s) URL, was '" + url + "'");
        }
        this.url = url;
        this.node = node;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    static String body(Alert alert, String node) {
        String text = "[" + alert.severity() + "] " + node + " " + alert.source() + ": " + alert.message();
        return "{\"severity\":" + Json.quote(alert.severity().name())
                + ",\"source\":" + Json.quote(alert.source())
                + ",\"key\":" + Json.quote(alert.key())
                + ",\"message\":" + Json.quote(alert.message())
                + ",\"time\":" + Json.quote(alert.time().toString())
                + ",\"node\":" + Json.quote(node)
                + ",\"text\":" + Json.quote(text) + "}";
    }

    @Override
    public void send(Alert alert) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body(alert, node), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted posting to " + url, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook " + url + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
