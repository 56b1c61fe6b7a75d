package io.amcp.datasource.alpaca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.amcp.datasource.http.ResilientHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTPS to one Alpaca API (trading or market data), authenticated with the
 * {@code APCA-API-KEY-ID}/{@code APCA-API-SECRET-KEY} headers, which are never logged.
 *
 * <p>A 429 (rate limited) is retried after the wait the response asks for: its {@code Retry-After}
 * header (seconds or an HTTP date), else Alpaca's {@code X-RateLimit-Reset} (epoch seconds), else an
 * exponential wait; after {@code maxRetries} retries the 429 is thrown. Any other status from 400 up
 * throws an {@link AlpacaApiException} carrying Alpaca's {@code code} and {@code message}.
 */
public final class AlpacaHttp {

    /** Waits between retries; tests record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaHttp.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private final HttpClient client;
    private final URI baseUrl;
    private final AlpacaCredentials credentials;
    private final int maxRetries;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param client      the HTTP client (shared with WebSockets)
     * @param baseUrl     e.g. {@code https://paper-api.alpaca.markets} or {@code https://data.alpaca.markets}
     * @param credentials the key pair
     * @param maxRetries  retries of a rate-limited request before its 429 is thrown
     * @param sleeper     how to wait before a retry
     * @param clock       wall clock, to turn {@code X-RateLimit-Reset} into a wait
     */
    public AlpacaHttp(HttpClient client, URI baseUrl, AlpacaCredentials credentials, int maxRetries, Sleeper sleeper,
            Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.baseUrl = trimSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries: must not be negative, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A client that sleeps for real and reads the system clock. */
    public AlpacaHttp(HttpClient client, URI baseUrl, AlpacaCredentials credentials, int maxRetries) {
        this(client, baseUrl, credentials, maxRetries, d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
    }

    /** The JSON mapper used for Alpaca payloads: decimals stay exact ({@code BigDecimal}). */
    public static ObjectMapper json() {
        return JSON;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The credentials, for the WebSocket auth message of the same account. */
    public AlpacaCredentials credentials() {
        return credentials;
    }

    public HttpClient client() {
        return client;
    }

    /** {@code GET path?query}. */
    public JsonNode get(String path, Map<String, String> query) {
        return send("GET", path + query(query), null);
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    public JsonNode patch(String path, JsonNode body) {
        return send("PATCH", path, body);
    }

    /** {@code DELETE path}; a 204 gives a missing node. */
    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code ?a=1&b=2} with URL-encoded values, skipping null values; empty for no parameters. */
    public static String query(Map<String, String> parameters) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null) {
                joined.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }

    /** Encodes one path segment (symbols such as {@code BRK.B}, ids). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String pathAndQuery, JsonNode body) {
        String described = method + " " + pathAndQuery;
        HttpRequest request = request(method, pathAndQuery, body);
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(described + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(described + " interrupted", e);
            }
            int status = response.statusCode();
            if (status == 429 && attempt < maxRetries) {
                Duration wait = retryWait(response, attempt);
                LOG.warn("{} rate limited (429), retry {} of {} in {} ms", described, attempt + 1, maxRetries,
                        wait.toMillis());
                pause(described, wait);
                continue;
            }
            if (status >= 400) {
                throw error(described, status, response.body());
            }
            return parse(described, response.body());
        }
    }

    private HttpRequest request(String method, String pathAndQuery, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("APCA-API-KEY-ID", credentials.keyId())
                .header("APCA-API-SECRET-KEY", credentials.secretKey())
                .header("Accept", "application/json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /** The wait a 429 asks for (never negative, at most two minutes). */
    Duration retryWait(HttpResponse<?> response, int attempt) {
        Optional<Duration> asked = response.headers().firstValue("Retry-After")
                .map(value -> ResilientHttp.retryAfter(value, clock))
                .or(() -> response.headers().firstValue("X-RateLimit-Reset").map(this::untilReset));
        Duration wait = asked.orElseGet(() -> Duration.ofSeconds(1L << Math.min(attempt, 6)));
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private Duration untilReset(String value) {
        try {
            return Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private void pause(String described, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(described + " interrupted while waiting out a 429", e);
        }
    }

    private static AlpacaApiException error(String described, int status, String body) {
        long code = 0;
        String message = body == null ? "" : body.trim();
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                code = node.path("code").asLong(0);
                message = node.hasNonNull("message") ? node.get("message").asText() : message;
            }
        } catch (JsonProcessingException notJson) {
            // Alpaca answers some errors (e.g. from its gateway) with plain text: keep the text as the message.
        }
        return new AlpacaApiException(described, status, code, message);
    }

    private static JsonNode parse(String described, String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(described + ": response is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static URI trimSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
