package io.amcp.datasource.alpaca;

import io.amcp.codec.msgpack.MessagePack;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A local stand-in for Alpaca on 127.0.0.1 (a real HTTP and WebSocket server, Vert.x): REST routes
 * answer with recorded payloads, the WebSocket endpoint greets, answers each client message through
 * a script, and can push messages or drop every connection (a server-side disconnect).
 *
 * <p>In {@link #msgpack(boolean) msgpack} mode the WebSocket speaks MessagePack as Alpaca's stream
 * does for a client that sent {@code Content-Type: application/msgpack}: the recorded JSON payloads
 * are re-encoded as MessagePack by io.amcp.codec's writer (every RFC 3339 {@code t} as the
 * timestamp extension type, as Alpaca sends it) and sent in binary frames, and the client's binary
 * frames are decoded from MessagePack and recorded (and scripted) as JSON text.
 */
public final class FakeAlpacaServer implements AutoCloseable {

    /** One received HTTP request. */
    public record Request(String method, String path, Map<String, String> query, Map<String, String> headers,
            String body) {
    }

    /** A canned response. */
    public record Response(int status, Map<String, String> headers, String body) {
        public static Response ok(String body) {
            return new Response(200, Map.of(), body);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final int port;
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Integer> connectionsSeen = new CopyOnWriteArrayList<>();
    private volatile List<String> greeting = List.of();
    private volatile BiFunction<ServerWebSocket, String, List<String>> script = (ws, m) -> List.of();
    private volatile boolean binary;
    private volatile boolean msgpack;
    private final List<String> upgradeContentTypes = new CopyOnWriteArrayList<>();
    private final List<Boolean> receivedBinary = new CopyOnWriteArrayList<>();

    public FakeAlpacaServer() {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        server.requestHandler(this::onRequest).webSocketHandler(this::onSocket);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("test server did not start", e);
        }
        port = server.actualPort();
    }

    public URI http() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    /** Answers {@code METHOD path} (path without query). */
    public void route(String method, String path, Function<Request, Response> handler) {
        routes.put(method + " " + path, handler);
    }

    /** Messages sent to each new WebSocket connection. */
    public void greeting(List<String> messages) {
        greeting = List.copyOf(messages);
    }

    /** Answers client messages: returns the messages to send back. */
    public void script(BiFunction<ServerWebSocket, String, List<String>> answers) {
        script = answers;
    }

    /** Sends server messages as binary frames (Alpaca's trading stream does). */
    public void binaryFrames(boolean on) {
        binary = on;
    }

    /** Speaks MessagePack on the WebSocket (see the class comment). */
    public void msgpack(boolean on) {
        msgpack = on;
    }

    /** The {@code Content-Type} header of each WebSocket upgrade request ("" when absent), in order. */
    public List<String> upgradeContentTypes() {
        return new ArrayList<>(upgradeContentTypes);
    }

    /** For each received client message, whether it came in a binary frame. */
    public List<Boolean> receivedBinary() {
        return new ArrayList<>(receivedBinary);
    }

    /** Pushes a message to every open connection. */
    public void push(String message) {
        sockets.forEach(ws -> write(ws, message));
    }

    /** Closes every open connection from the server side. */
    public void dropAll() {
        for (ServerWebSocket ws : sockets) {
            ws.close((short) 1001, "going away");
        }
        sockets.clear();
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Client messages received over WebSocket, in order. */
    public List<String> received() {
        return new ArrayList<>(received);
    }

    /** Number of WebSocket connections accepted so far. */
    public int connections() {
        return connectionsSeen.size();
    }

    public int openConnections() {
        return sockets.size();
    }

    private void onRequest(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            Map<String, String> query = new ConcurrentHashMap<>();
            req.params().forEach((k, v) -> query.put(k, v));
            Map<String, String> headers = new ConcurrentHashMap<>();
            req.headers().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            Request r = new Request(req.method().name(), req.path(), query, headers, body.toString(StandardCharsets.UTF_8));
            requests.add(r);
            Function<Request, Response> handler = routes.get(r.method() + " " + r.path());
            Response response = handler == null ? new Response(404, Map.of(), "{\"code\":40410000,\"message\":\"not found\"}")
                    : handler.apply(r);
            var out = req.response().setStatusCode(response.status());
            response.headers().forEach(out::putHeader);
            if (response.body() == null || response.body().isEmpty()) {
                out.end();
            } else {
                out.putHeader("Content-Type", "application/json").end(response.body());
            }
        });
    }

    private void onSocket(ServerWebSocket ws) {
        sockets.add(ws);
        connectionsSeen.add(1);
        String contentType = ws.headers().get("Content-Type");
        upgradeContentTypes.add(contentType == null ? "" : contentType);
        ws.closeHandler(v -> sockets.remove(ws));
        ws.frameHandler(frame -> receivedBinary.add(frame.isBinary()));
        ws.handler(frame -> {
            String text = msgpack ? jsonOf(frame.getBytes()) : frame.toString(StandardCharsets.UTF_8);
            received.add(text);
            for (String answer : script.apply(ws, text)) {
                write(ws, answer);
            }
        });
        greeting.forEach(m -> write(ws, m));
    }

    private void write(ServerWebSocket ws, String message) {
        if (msgpack) {
            ws.writeBinaryMessage(Buffer.buffer(msgpackOf(message)));
        } else if (binary) {
            ws.writeBinaryMessage(Buffer.buffer(message));
        } else {
            ws.writeTextMessage(message);
        }
    }

    /** A JSON message re-encoded as MessagePack, every RFC 3339 {@code t} as a timestamp. */
    public static byte[] msgpackOf(String json) {
        try {
            return MessagePack.encode(timestamps(AlpacaHttp.json().readValue(json, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object timestamps(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, "t".equals(k) && v instanceof String s
                    ? OffsetDateTime.parse(s).toInstant() : timestamps(v)));
            return out;
        } else if (tree instanceof List<?> list) {
            return list.stream().map(FakeAlpacaServer::timestamps).toList();
        }
        return tree;
    }

    /** A MessagePack message as JSON text. */
    public static String jsonOf(byte[] msgpack) {
        try {
            return AlpacaHttp.json().writeValueAsString(MessagePack.decode(msgpack));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource as text. */
    public static String resource(String name) {
        try (InputStream in = FakeAlpacaServer.class.getResourceAsStream("/alpaca/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /alpaca/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test server did not stop", e);
        }
    }
}
