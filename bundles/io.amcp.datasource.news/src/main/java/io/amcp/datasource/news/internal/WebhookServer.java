package io.amcp.datasource.news.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.amcp.api.altdata.NewsItem;
import io.amcp.datasource.news.FeedEntry;
import io.amcp.datasource.news.FeedHealth;
import io.amcp.datasource.news.NewsAdapter;
import io.amcp.datasource.news.NewsFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The generic webhook: {@code POST /news} on 127.0.0.1 with a JSON body read by the {@code webhook}
 * adapter and the shared secret in header {@value #SECRET_HEADER}. Answers 202 with the counts of new
 * and duplicate stories, 400 naming the field at fault, 401 without the right secret, 405 for other
 * methods, 413 above {@value #MAX_BODY} bytes.
 */
final class WebhookServer implements AutoCloseable {

    static final String SECRET_HEADER = "X-AMCP-Webhook-Secret";
    static final String PATH = "/news";
    static final String SOURCE = "webhook:default";
    private static final int MAX_BODY = 1 << 20;

    private final byte[] secret;
    private final NewsAdapter adapter;
    private final NewsPipeline pipeline;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicReference<FeedHealth> health = new AtomicReference<>(FeedHealth.unknown(SOURCE));

    WebhookServer(int port, String secret, NewsAdapter adapter, NewsPipeline pipeline, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("webhookSecret: the webhook needs a shared secret (credential "
                    + "'news.webhook-secret' or property .webhookSecret)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("webhookPort must be in 0..65535, was " + port);
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.adapter = adapter;
        this.pipeline = pipeline;
        this.clock = clock;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("webhookPort: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "amcp-news-webhook");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    FeedHealth health() {
        return health.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, error("use POST with a JSON body"));
                return;
            }
            String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                respond(exchange, 401, error("missing or wrong " + SECRET_HEADER + " header"));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                respond(exchange, 413, error("body larger than " + MAX_BODY + " bytes"));
                return;
            }
            List<FeedEntry> entries;
            try {
                entries = adapter.parse(body);
            } catch (NewsFormatException e) {
                health.updateAndGet(h -> h.failed(clock.instant(), e.getMessage()));
                respond(exchange, 400, error(e.getMessage()));
                return;
            }
            List<NewsItem> added;
            try {
                added = pipeline.accept(SOURCE, entries);
            } catch (RuntimeException e) {
                health.updateAndGet(h -> h.failed(clock.instant(), e.getMessage()));
                respond(exchange, 500, error("stories not stored: " + e.getMessage()));
                return;
            }
            health.updateAndGet(h -> h.succeeded(clock.instant(), added.size()));
            pipeline.publish(added);
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.put("accepted", added.size());
            answer.put("duplicates", entries.size() - added.size());
            respond(exchange, 202, answer);
        }
    }

    private static ObjectNode error(String message) {
        return Json.MAPPER.createObjectNode().put("error", message);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
