package io.amcp.datasource.alpaca;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket that reconnects after every loss with exponential {@link Backoff} until
 * {@link #stop()}. Every callback of its {@link Handler} runs on one thread (the {@code events}
 * executor given to the constructor), one whole message at a time and in order; the next message
 * is read only after the handler returned (back-pressure). Binary frames go to
 * {@link Handler#onMessage(Connection, byte[])}, which by default takes them as UTF-8 JSON text
 * (Alpaca's trading stream sends JSON in binary frames); a MessagePack session overrides it.
 */
public final class ReconnectingWebSocket {

    /** Reacts to one stream's connections. All methods run on the events thread. */
    public interface Handler {

        /** A connection opened (the first one or a reconnect). */
        void onOpen(Connection connection);

        /** One complete text message. */
        void onMessage(Connection connection, String message);

        /** One complete binary message; by default taken as UTF-8 text and passed to {@link #onMessage(Connection, String)}. */
        default void onMessage(Connection connection, byte[] message) {
            onMessage(connection, new String(message, StandardCharsets.UTF_8));
        }

        /** The connection was lost; a reconnect is scheduled unless the socket was stopped. */
        void onLost(String reason);
    }

    /** One open connection, as seen by the handler. */
    public interface Connection {

        /** Sends a text message (blocks the events thread until it is written). */
        void send(String text);

        /** Sends a binary message (blocks the events thread until it is written). */
        void send(byte[] binary);

        /** Declares the session usable (e.g. authenticated): the next loss starts backing off from the initial delay. */
        void healthy();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingWebSocket.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final HttpClient client;
    private final URI uri;
    private final Backoff backoff;
    private final Handler handler;
    private final ScheduledExecutorService events;
    private final String name;
    private final Map<String, String> headers;
    private volatile boolean running;
    private int generation;
    private int attempt;
    private WebSocket current;

    /**
     * @param client  HTTP client that opens the socket
     * @param uri     {@code wss://...}
     * @param backoff reconnect delays
     * @param handler the session logic
     * @param events  single-threaded executor every callback runs on
     * @param name    for log lines
     */
    public ReconnectingWebSocket(HttpClient client, URI uri, Backoff backoff, Handler handler,
            ScheduledExecutorService events, String name) {
        this(client, uri, backoff, handler, events, name, Map.of());
    }

    /**
     * A socket whose upgrade requests carry {@code headers} as well (e.g. {@code Content-Type:
     * application/msgpack} to ask Alpaca for MessagePack frames).
     *
     * @param client  HTTP client that opens the socket
     * @param uri     {@code wss://...}
     * @param backoff reconnect delays
     * @param handler the session logic
     * @param events  single-threaded executor every callback runs on
     * @param name    for log lines
     * @param headers extra headers of the upgrade request
     */
    public ReconnectingWebSocket(HttpClient client, URI uri, Backoff backoff, Handler handler,
            ScheduledExecutorService events, String name, Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
        this.client = Objects.requireNonNull(client, "client");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.events = Objects.requireNonNull(events, "events");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Connects (asynchronously); reconnects after every loss until {@link #stop()}. */
    public void start() {
        running = true;
        events.execute(this::connect);
    }

    /** Closes the connection and stops reconnecting. Safe to call from a handler. */
    public void stop() {
        running = false;
        events.execute(() -> {
            generation++;
            WebSocket ws = current;
            current = null;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "client stopped").whenComplete((v, e) -> ws.abort());
            }
        });
    }

    public boolean isRunning() {
        return running;
    }

    private void connect() {
        if (!running) {
            return;
        }
        int gen = ++generation;
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        headers.forEach(builder::header);
        builder.buildAsync(uri, new Listener(gen))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        events.execute(() -> lost(gen, "connect to " + uri + " failed: " + rootMessage(error)));
                    }
                });
    }

    private void opened(int gen, WebSocket ws) {
        if (gen != generation || !running) {
            ws.abort();
            return;
        }
        current = ws;
        handler.onOpen(new Session(ws));
    }

    private void lost(int gen, String reason) {
        if (gen != generation) {
            return;
        }
        generation++;
        WebSocket ws = current;
        current = null;
        if (ws != null) {
            ws.abort();
        }
        if (!running) {
            return;
        }
        handler.onLost(reason);
        if (!running) {
            return;
        }
        Duration delay = backoff.delay(attempt++);
        LOG.warn("{} stream lost ({}), reconnecting in {} ms", name, reason, delay.toMillis());
        events.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private final class Session implements Connection {
        private final WebSocket ws;

        Session(WebSocket ws) {
            this.ws = ws;
        }

        @Override
        public void send(String text) {
            await(ws.sendText(text, true));
        }

        @Override
        public void send(byte[] binary) {
            await(ws.sendBinary(ByteBuffer.wrap(binary), true));
        }

        private void await(CompletableFuture<WebSocket> sent) {
            try {
                sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("{} stream: send failed: {}", name, rootMessage(e));
                ws.abort();
            }
        }

        @Override
        public void healthy() {
            attempt = 0;
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final int gen;
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket ws) {
            events.execute(() -> opened(gen, ws));
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                deliver(ws, session -> handler.onMessage(session, message));
            } else {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                byte[] message = binary.toByteArray();
                binary.reset();
                deliver(ws, session -> handler.onMessage(session, message));
            } else {
                ws.request(1);
            }
            return null;
        }

        private void deliver(WebSocket ws, Consumer<Connection> message) {
            events.execute(() -> {
                if (gen != generation) {
                    return;
                }
                try {
                    message.accept(new Session(ws));
                } catch (RuntimeException e) {
                    LOG.error("{} stream: message handling failed", name, e);
                }
                ws.request(1);
            });
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            events.execute(() -> lost(gen, "closed by server: " + statusCode + (reason.isEmpty() ? "" : " " + reason)));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            events.execute(() -> lost(gen, rootMessage(error)));
        }
    }
}
