package io.amcp.datasource.alphavantage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real HTTP server on 127.0.0.1 that replays queued recorded answers in order and records requests. */
final class RecordedHttpServer implements AutoCloseable {

    /** One queued answer; {@code hang} holds the exchange open until the server closes. */
    record Reply(int status, Map<String, String> headers, String body, boolean hang) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<URI> requests = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    RecordedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized RecordedHttpServer reply(int status, String body, Map<String, String> headers) {
        replies.add(new Reply(status, headers, body, false));
        return this;
    }

    RecordedHttpServer reply(int status, String body) {
        return reply(status, body, Map.of("Content-Type", "application/json;charset=utf-8"));
    }

    RecordedHttpServer replyResource(int status, String resource) {
        return reply(status, resource(resource));
    }

    synchronized RecordedHttpServer hang() {
        replies.add(new Reply(0, Map.of(), "", true));
        return this;
    }

    synchronized List<URI> requests() {
        return List.copyOf(requests);
    }

    static String resource(String name) {
        try (InputStream in = RecordedHttpServer.class.getResourceAsStream("/alphavantage/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource alphavantage/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        synchronized (this) {
            requests.add(exchange.getRequestURI());
            reply = replies.poll();
        }
        if (reply == null) {
            reply = new Reply(500, Map.of(), "no recorded reply queued", false);
        }
        if (reply.hang()) {
            try {
                closing.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
