package io.amcp.web.bench;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.order.OrderEvent;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.KernelListener;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.web.AlpacaApiServer;
import io.amcp.web.AlpacaApiSettings;
import io.amcp.web.ApiKeyStore;
import io.amcp.web.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * trade_updates fan-out on loopback: a real kernel with the paper exchange behind an
 * {@link AlpacaApiServer} on 127.0.0.1, {@code clients} WebSocket connections on {@code /stream}
 * (authenticated, listening to trade_updates), and one order at a time submitted over REST. Each
 * order's {@code new} event is timed from the moment the kernel hands the event to the server
 * ({@link AlpacaApiServer#onOrderEvent}) to the moment the first and the last client has received its
 * frame; the next order is sent once every client has it. The same run first measures one client,
 * then all of them.
 *
 * <p>{@code mvn -q -o -f bundles/io.amcp.web/pom.xml test-compile exec:java
 * -Dbench.main=io.amcp.web.bench.TradeUpdatesFanoutBenchmark -Dexec.args="CLIENTS EVENTS"} (defaults
 * 1000 and 300). Bounded: each event waits at most 5 s, each phase at most 60 s. Prints p50/p99/max
 * of the first-client and last-client latency in microseconds per phase.
 */
public final class TradeUpdatesFanoutBenchmark {

    private static final long EVENT_TIMEOUT_MS = 5_000;
    private static final long PHASE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private TradeUpdatesFanoutBenchmark() {
    }

    /** The event in flight: when the server got it, how many clients have it, first and last arrival. */
    private static final class InFlight {
        volatile long handedOver;
        final AtomicInteger received = new AtomicInteger();
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong();
        volatile CountDownLatch all = new CountDownLatch(0);
        volatile int expected;
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Instant start = Instant.parse("2024-03-04T15:00:00Z");
        SimulatedClock clock = new SimulatedClock(start.getEpochSecond() * 1_000_000_000L);
        Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("1000000000"), 1.0);
        kernel.registerInstrument(Instrument.equity("AAPL"));
        PaperExchange exchange = new PaperExchange(clock, PaperSettings.FRICTIONLESS, kernel::instrument);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);
        ApiKeyStore keys = new ApiKeyStore(1_000);
        ApiKeyStore.Credentials key = keys.issue(Role.TRADER);
        AlpacaApiServer server = new AlpacaApiServer(kernel, keys, clock,
                AlpacaApiSettings.defaults().withRateLimit(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2));
        InFlight flight = new InFlight();
        kernel.addListener(new KernelListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
                flight.handedOver = System.nanoTime();
                server.onOrderEvent(event, kernel.order(event.clientOrderId()));
            }
        });
        kernel.start("kernel-bench");
        kernel.post(Bar.of(InstrumentId.of("AAPL"), (start.getEpochSecond() + 60) * 1_000_000_000L, 100, 101, 99, 100.5, 1e6));
        kernel.call(() -> null);
        int port = server.start("127.0.0.1", 0);

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        WebSocketClient wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(clients + 1));
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
        List<WebSocket> sockets = new ArrayList<>();
        try {
            System.out.printf("loopback 127.0.0.1:%d, %d cores, %d events per phase%n", port,
                    Runtime.getRuntime().availableProcessors(), events);
            connect(wsClient, port, key, flight, 1, sockets);
            run("1 client", http, key, flight, 1, Math.min(50, events), false);
            Histogram[] one = run("1 client", http, key, flight, 1, events, true);
            connect(wsClient, port, key, flight, clients - 1, sockets);
            run(clients + " clients", http, key, flight, clients, Math.min(50, events), false);
            Histogram[] many = run(clients + " clients", http, key, flight, clients, events, true);
            print("1 client", one);
            print(clients + " clients", many);
        } finally {
            for (WebSocket ws : sockets) {
                ws.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            server.stop();
            kernel.stop();
        }
    }

    private static void print(String name, Histogram[] h) {
        System.out.printf("%-14s events %4d  first client p50 %7.0f us p99 %7.0f us | last client p50 %7.0f us p99 %7.0f us max %7.0f us%n",
                name, h[1].getTotalCount(), h[0].getValueAtPercentile(50) / 1e3, h[0].getValueAtPercentile(99) / 1e3,
                h[1].getValueAtPercentile(50) / 1e3, h[1].getValueAtPercentile(99) / 1e3, h[1].getMaxValue() / 1e3);
    }

    /** Opens {@code count} authenticated trade_updates listeners. */
    private static void connect(WebSocketClient client, int port, ApiKeyStore.Credentials key, InFlight flight, int count,
            List<WebSocket> sockets) throws Exception {
        String auth = "{\"action\":\"auth\",\"key\":\"" + key.keyId() + "\",\"secret\":\"" + key.secret() + "\"}";
        String listen = "{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}";
        CountDownLatch ready = new CountDownLatch(count);
        List<Future<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AtomicInteger setup = new AtomicInteger();
            opening.add(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/stream"))
                    .onSuccess(ws -> {
                        ws.binaryMessageHandler(frame -> onFrame(frame, flight, setup, ready));
                        ws.writeTextMessage(auth).compose(v -> ws.writeTextMessage(listen));
                    }));
        }
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (count - ready.getCount()) + " of " + count + " clients listening after 60 s");
        }
        for (Future<WebSocket> f : opening) {
            sockets.add(f.result());
        }
    }

    private static void onFrame(Buffer frame, InFlight flight, AtomicInteger setup, CountDownLatch ready) {
        long now = System.nanoTime();
        if (setup.get() < 2) {
            if (setup.incrementAndGet() == 2) {
                ready.countDown(); // authorization, then listening
            }
            return;
        }
        flight.first.accumulateAndGet(now, Math::min);
        flight.last.accumulateAndGet(now, Math::max);
        if (flight.received.incrementAndGet() == flight.expected) {
            flight.all.countDown();
        }
    }

    /** Sends {@code events} orders one after the other; returns first-client and last-client latency histograms. */
    private static Histogram[] run(String name, HttpClient http, ApiKeyStore.Credentials key, InFlight flight, int clients,
            int events, boolean measured) throws Exception {
        Histogram first = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Histogram last = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long deadline = System.nanoTime() + PHASE_LIMIT_NANOS;
        for (int i = 0; i < events && System.nanoTime() < deadline; i++) {
            flight.received.set(0);
            flight.first.set(Long.MAX_VALUE);
            flight.last.set(0);
            flight.expected = clients;
            CountDownLatch all = new CountDownLatch(1);
            flight.all = all;
            String body = "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":\"1.00\","
                    + "\"time_in_force\":\"gtc\",\"client_order_id\":\"fan-" + name.replace(' ', '-') + "-" + measured + "-" + i + "\"}";
            int status = http.request(HttpMethod.POST, "/v2/orders").compose(req -> req
                    .putHeader("APCA-API-KEY-ID", key.keyId()).putHeader("APCA-API-SECRET-KEY", key.secret())
                    .putHeader("Content-Type", "application/json").send(body)).compose(r -> r.body().map(b -> r.statusCode()))
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            if (status != 200) {
                throw new IllegalStateException("order " + i + " answered " + status);
            }
            if (!all.await(EVENT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + ": event " + i + " reached " + flight.received.get() + " of "
                        + clients + " clients within " + EVENT_TIMEOUT_MS + " ms");
            }
            first.recordValue(Math.max(0, flight.first.get() - flight.handedOver));
            last.recordValue(Math.max(0, flight.last.get() - flight.handedOver));
        }
        return new Histogram[] {first, last};
    }
}
