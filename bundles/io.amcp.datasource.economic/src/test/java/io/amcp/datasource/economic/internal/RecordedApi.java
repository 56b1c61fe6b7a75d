package io.amcp.datasource.economic.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider API on 127.0.0.1 replaying recorded payloads: each route (path plus an optional query
 * fragment) answers its queued responses in turn and keeps answering the last one.
 */
final class RecordedApi implements AutoCloseable {

    record Answer(int status, String resource, String contentType, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> routes = new ConcurrentHashMap<>();
    private final List<URI> requests = new ArrayList<>();

    RecordedApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues answers for requests whose path+query contains {@code route}. */
    RecordedApi on(String route, Answer... answers) {
        routes.computeIfAbsent(route, r -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    static Answer json(int status, String resource) {
        return new Answer(status, resource, "application/json", Map.of());
    }

    static Answer throttled(String resource, String retryAfterSeconds) {
        return new Answer(429, resource, "application/json", Map.of("Retry-After", retryAfterSeconds));
    }

    synchronized List<URI> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        synchronized (this) {
            requests.add(uri);
        }
        String target = uri.getRawPath() + "?" + uri.getRawQuery();
        Answer answer = routes.entrySet().stream().filter(e -> target.contains(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(e -> e.getValue().size() > 1 ? e.getValue().poll() : e.getValue().peek()).orElse(null);
        byte[] body;
        int status;
        if (answer == null) {
            status = 404;
            body = ("no recorded answer for " + target).getBytes(StandardCharsets.UTF_8);
        } else {
            status = answer.status();
            try (InputStream in = RecordedApi.class.getResourceAsStream("/payloads/" + answer.resource())) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource payloads/" + answer.resource());
                }
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
