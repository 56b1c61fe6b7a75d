package io.amcp.ops.internal.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics} (Prometheus text format 0.0.4), {@code /health/live},
 * {@code /health/ready} and {@code /health/bundles} (JSON; 200 when healthy, 503 when not) with the
 * JDK's HTTP server. When a bearer token is configured every path requires
 * {@code Authorization: Bearer <token>}.
 */
public final class OpsHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(OpsHttpServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final HealthChecks health;
    private final byte[] token;
    private HttpServer server;
    private ExecutorService executor;

    public OpsHttpServer(PrometheusMeterRegistry registry, HealthChecks health, String bearerToken) {
        this.registry = registry;
        this.health = health;
        this.token = bearerToken == null || bearerToken.isBlank() ? null
                : ("Bearer " + bearerToken.trim()).getBytes(StandardCharsets.UTF_8);
    }

    /** Binds and starts; returns the bound port (useful with port 0). */
    public synchronized int start(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "amcp-ops-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", ex -> handle(ex, this::metrics));
        server.createContext("/health/live", ex -> handle(ex, e -> send(e, 200, "application/json",
                "{\"status\":\"UP\"}")));
        server.createContext("/health/ready", ex -> handle(ex, this::ready));
        server.createContext("/health/bundles", ex -> handle(ex, this::bundles));
        server.start();
        int bound = server.getAddress().getPort();
        LOG.info("ops endpoints on http://{}:{}/metrics and /health/*", host, bound);
        return bound;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "method not allowed");
                return;
            }
            if (token != null && !authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                send(exchange, 401, "text/plain", "missing or wrong bearer token");
                return;
            }
            handler.handle(exchange);
        } catch (RuntimeException e) {
            LOG.warn("ops endpoint {} failed", exchange.getRequestURI(), e);
        }
    }

    private boolean authorized(String header) {
        return header != null && MessageDigest.isEqual(token, header.getBytes(StandardCharsets.UTF_8));
    }

    private void metrics(HttpExchange exchange) throws IOException {
        send(exchange, 200, PROMETHEUS_TEXT, registry.scrape(PROMETHEUS_TEXT));
    }

    private void ready(HttpExchange exchange) throws IOException {
        List<HealthChecks.Check> checks = health.readiness();
        boolean up = checks.stream().allMatch(HealthChecks.Check::ok);
        StringBuilder json = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append("\",\"checks\":[");
        for (int i = 0; i < checks.size(); i++) {
            HealthChecks.Check c = checks.get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":").append(quote(c.name()))
                    .append(",\"ok\":").append(c.ok()).append(",\"detail\":").append(quote(c.detail())).append('}');
        }
        send(exchange, up ? 200 : 503, "application/json", json.append("]}").toString());
    }

    private void bundles(HttpExchange exchange) throws IOException {
        List<BundleState> bundles = health.bundles();
        long unhealthy = bundles.stream().filter(b -> !b.healthy()).count();
        StringBuilder json = new StringBuilder("{\"status\":\"").append(unhealthy == 0 ? "UP" : "DOWN")
                .append("\",\"unhealthy\":").append(unhealthy).append(",\"bundles\":[");
        for (int i = 0; i < bundles.size(); i++) {
            BundleState b = bundles.get(i);
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(b.id()).append(",\"symbolicName\":")
                    .append(quote(b.symbolicName())).append(",\"version\":").append(quote(b.version()))
                    .append(",\"state\":").append(quote(b.state())).append(",\"fragment\":").append(b.fragment())
                    .append(",\"healthy\":").append(b.healthy()).append('}');
        }
        send(exchange, unhealthy == 0 ? 200 : 503, "application/json", json.append("]}").toString());
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
