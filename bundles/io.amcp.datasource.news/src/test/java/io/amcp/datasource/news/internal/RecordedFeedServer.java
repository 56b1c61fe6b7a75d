package io.amcp.datasource.news.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local stand-in for feed providers: 127.0.0.1, a free port, a thread per request. */
final class RecordedFeedServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    RecordedFeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    /** Serves test resource {@code /feeds/<resource>} at {@code path}. */
    RecordedFeedServer recorded(String path, String resource, String contentType) {
        byte[] body = resource(resource);
        return route(path, exchange -> respond(exchange, 200, contentType, body));
    }

    RecordedFeedServer status(String path, int status, String header, String value) {
        return route(path, exchange -> {
            if (header != null) {
                exchange.getResponseHeaders().add(header, value);
            }
            respond(exchange, status, "text/html", ("<html><body>HTTP " + status + "</body></html>").getBytes());
        });
    }

    RecordedFeedServer route(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static byte[] resource(String name) {
        try (InputStream in = RecordedFeedServer.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /feeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
