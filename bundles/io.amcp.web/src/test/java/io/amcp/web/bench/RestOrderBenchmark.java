package io.amcp.web.bench;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.core.risk.BuyingPowerRule;
import io.amcp.web.AlpacaApiServer;
import io.amcp.web.AlpacaApiSettings;
import io.amcp.web.ApiKeyStore;
import io.amcp.web.Role;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * REST order submission on loopback: a real kernel with the paper exchange and the buying-power rule
 * behind an {@link AlpacaApiServer} on 127.0.0.1, driven by a closed-loop Vert.x HTTP client with
 * {@code connections} concurrent keep-alive connections. Each order is a GTC limit buy far below the
 * market, so it is checked, journaled in the OMS, sent to the paper exchange and rests there. The
 * reference, measured in the same run with the same client, is {@code GET /v2/clock}: authentication
 * and rate limiting but no kernel round trip.
 *
 * <p>{@code mvn -q -o -pl bundles/io.amcp.web test-compile exec:java -Dexec.args="ORDERS CONNECTIONS"}
 * (defaults 20000 and 8). Each phase stops after its count or 60 s, whichever comes first; prints
 * requests/s, p50/p99/p99.9 latency in microseconds and the process CPU time per request (client and
 * server together: on a shared machine the least load-dependent figure), and the ratio of order to
 * reference figures.
 */
public final class RestOrderBenchmark {

    private static final long PHASE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private RestOrderBenchmark() {
    }

    /** One phase; {@code cpuMicros} is the process CPU time per request (client and server, all threads). */
    private record Phase(String name, long count, double perSecond, Histogram latency, long errors, double cpuMicros) {
        void print() {
            System.out.printf("%-28s %8d requests %10.0f req/s  p50 %7.0f us  p99 %7.0f us  p99.9 %7.0f us  "
                    + "cpu %6.1f us/request  errors %d%n", name, count, perSecond, latency.getValueAtPercentile(50) / 1e3,
                    latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3, cpuMicros, errors);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Instant start = Instant.parse("2024-03-04T15:00:00Z");
        SimulatedClock clock = new SimulatedClock(start.getEpochSecond() * 1_000_000_000L);
        Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("1000000000"), 1.0);
        kernel.addRiskRule(new BuyingPowerRule());
        kernel.registerInstrument(Instrument.equity("AAPL"));
        PaperExchange exchange = new PaperExchange(clock, PaperSettings.FRICTIONLESS, kernel::instrument);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);
        kernel.start("kernel-bench");
        kernel.post(Bar.of(InstrumentId.of("AAPL"), (start.getEpochSecond() + 60) * 1_000_000_000L, 100, 101, 99, 100.5, 1e6));
        kernel.call(() -> null);

        ApiKeyStore keys = new ApiKeyStore(1_000);
        ApiKeyStore.Credentials key = keys.issue(Role.TRADER);
        AlpacaApiServer server = new AlpacaApiServer(kernel, keys, clock,
                AlpacaApiSettings.defaults().withRateLimit(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2));
        int port = server.start("127.0.0.1", 0);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(port).setKeepAlive(true).setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(connections));
        try {
            System.out.printf("loopback 127.0.0.1:%d, %d connections, %d cores%n", port, connections,
                    Runtime.getRuntime().availableProcessors());
            run(client, key, "warm-up clock", HttpMethod.GET, "/v2/clock", Math.min(5_000, orders), connections, false);
            run(client, key, "warm-up orders", HttpMethod.POST, "/v2/orders", Math.min(5_000, orders), connections, true);
            Phase reference = run(client, key, "reference GET /v2/clock", HttpMethod.GET, "/v2/clock", orders, connections, false);
            Phase submit = run(client, key, "POST /v2/orders (limit)", HttpMethod.POST, "/v2/orders", orders, connections, true);
            reference.print();
            submit.print();
            System.out.printf("orders vs reference: throughput %.2fx, p99 %.2fx%n", submit.perSecond / reference.perSecond,
                    submit.latency.getValueAtPercentile(99) / (double) reference.latency.getValueAtPercentile(99));
        } finally {
            client.close();
            vertx.close();
            server.stop();
            kernel.stop();
        }
    }

    private static Phase run(HttpClient client, ApiKeyStore.Credentials key, String name, HttpMethod method, String uri,
            int count, int connections, boolean order) throws InterruptedException {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        AtomicInteger issued = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(connections);
        long cpuBefore = processCpuNanos();
        long began = System.nanoTime();
        long deadline = began + PHASE_LIMIT_NANOS;
        for (int c = 0; c < connections; c++) {
            next(client, key, method, uri, count, order, issued, done, errors, histogram, finished, deadline);
        }
        finished.await(PHASE_LIMIT_NANOS + TimeUnit.SECONDS.toNanos(10), TimeUnit.NANOSECONDS);
        double seconds = (System.nanoTime() - began) / 1e9;
        double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, done.get());
        return new Phase(name, done.get(), done.get() / seconds, histogram, errors.get(), cpuMicros);
    }

    private static final AtomicLong ORDER_SEQUENCE = new AtomicLong();

    private static void next(HttpClient client, ApiKeyStore.Credentials key, HttpMethod method, String uri, int count,
            boolean order, AtomicInteger issued, AtomicLong done, AtomicLong errors, Histogram histogram,
            CountDownLatch finished, long deadline) {
        if (issued.getAndIncrement() >= count || System.nanoTime() > deadline) {
            finished.countDown();
            return;
        }
        Buffer body = order ? Buffer.buffer("{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\","
                + "\"limit_price\":\"1.00\",\"time_in_force\":\"gtc\",\"client_order_id\":\"bench-"
                + ORDER_SEQUENCE.incrementAndGet() + "\"}") : null;
        long sent = System.nanoTime();
        client.request(method, uri).compose(req -> {
            req.putHeader("APCA-API-KEY-ID", key.keyId()).putHeader("APCA-API-SECRET-KEY", key.secret());
            if (body != null) {
                req.putHeader("Content-Type", "application/json");
                return req.send(body);
            }
            return req.send();
        }).compose(resp -> resp.body().map(b -> resp.statusCode())).onComplete(r -> {
            long latency = System.nanoTime() - sent;
            if (r.succeeded() && r.result() == 200) {
                synchronized (histogram) {
                    histogram.recordValue(Math.min(latency, histogram.getHighestTrackableValue()));
                }
                done.incrementAndGet();
            } else {
                errors.incrementAndGet();
            }
            next(client, key, method, uri, count, order, issued, done, errors, histogram, finished, deadline);
        });
    }

}
