package io.amcp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.KernelMetrics;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.KernelListener;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.core.risk.BuyingPowerRule;
import io.amcp.ops.internal.metrics.BundleState;
import io.amcp.ops.internal.metrics.HealthChecks;
import io.amcp.ops.internal.metrics.JvmBinders;
import io.amcp.ops.internal.metrics.KernelLoopMetrics;
import io.amcp.ops.internal.metrics.OpsHttpServer;
import io.amcp.ops.internal.metrics.TradingMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real orders through a real kernel and paper exchange, then {@code /metrics} scraped over HTTP and
 * read with a strict Prometheus text-format parser; the expected numbers are counted by hand from
 * the orders the test sends.
 */
class MetricsEndpointTest {

    /** Monday 2024-03-04 10:00 New York (EST, UTC-5): inside the regular session. */
    static final Instant START = Instant.parse("2024-03-04T15:00:00Z");
    static final InstrumentId AAPL = InstrumentId.of("AAPL");
    static final StrategyId MANUAL = StrategyId.of("manual");

    final SimulatedClock clock = new SimulatedClock(START.getEpochSecond() * 1_000_000_000L);
    final Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("100000"), 1.0);
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final JvmBinders jvm = new JvmBinders(registry);
    final TradingMetrics metrics = new TradingMetrics(registry, clock, kernel);
    final KernelLoopMetrics loop = new KernelLoopMetrics(registry);
    final List<BundleState> bundles = new ArrayList<>(List.of(
            new BundleState(0, "org.apache.felix.framework", "7.0.5", "ACTIVE", false),
            new BundleState(12, "io.amcp.core", "0.1.0", "ACTIVE", false)));
    PaperExchange exchange;
    OpsHttpServer server;
    String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        kernel.addRiskRule(new BuyingPowerRule());
        kernel.registerInstrument(Instrument.equity("AAPL"));
        exchange = new PaperExchange("paper", clock, PaperSettings.FRICTIONLESS, kernel::instrument);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);
        kernel.addMarketDataSink(metrics);
        metrics.addBroker(exchange);
        kernel.addListener(new KernelListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
                metrics.onOrderEvent(event, kernel.order(event.clientOrderId()));
            }
        });
        kernel.start("kernel-ops-test");
        loop.bind(kernel.metrics());
        HealthChecks health = new HealthChecks(metrics, () -> List.<BrokerConnector>of(exchange), () -> List.copyOf(bundles),
                clock, NyseCalendar.INSTANCE, 180);
        server = new OpsHttpServer(registry, health, "");
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
        kernel.stop();
        jvm.close();
    }

    void bar(int minutes, double open, double high, double low, double close) {
        long end = (START.getEpochSecond() + minutes * 60L) * 1_000_000_000L;
        kernel.post(Bar.of(AAPL, end, open, high, low, close, 1_000_000));
        kernel.call(() -> null);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    PrometheusText scrape() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return PrometheusText.parse(r.body());
    }

    @Test
    void countsRealOrdersFillsLatencyAccountAndDataAge() throws Exception {
        bar(0, 179, 180, 178, 179.5);
        // two market buys (fill at the next bar's open, 180.00), a limit far below the market that is
        // cancelled, and an order far beyond buying power that the risk chain denies
        kernel.submit(MANUAL, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
        kernel.submit(MANUAL, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(5)));
        ClientOrderId limit = kernel.submit(MANUAL, SubmitOrder.limit(AAPL, Side.BUY, Quantity.of(1), Price.of("50")))
                .clientOrderId();
        assertThat(kernel.submit(MANUAL, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10_000))).status())
                .isEqualTo(OrderStatus.REJECTED);
        kernel.cancel(limit);
        bar(1, 180, 182, 179, 181);
        metrics.probe();

        PrometheusText m = scrape();
        assertThat(m.types).containsEntry("amcp_order_latency_seconds", "histogram");
        assertThat(m.value("amcp_orders_total", "status", "new")).isEqualTo(3);
        assertThat(m.value("amcp_orders_total", "status", "accepted")).isEqualTo(3);
        assertThat(m.value("amcp_orders_total", "status", "filled")).isEqualTo(2);
        assertThat(m.value("amcp_orders_total", "status", "canceled")).isEqualTo(1);
        assertThat(m.value("amcp_orders_total", "status", "denied")).isEqualTo(1);
        assertThat(m.value("amcp_fills_total", "side", "buy")).isEqualTo(2);
        // three orders reached the venue; the paper exchange accepts at submission time
        assertThat(m.value("amcp_order_latency_seconds_count")).isEqualTo(3);
        assertThat(m.value("amcp_order_latency_seconds_bucket", "le", "0.001")).isEqualTo(3);
        assertThat(m.value("amcp_order_latency_seconds_bucket", "le", "+Inf")).isEqualTo(3);
        // cash 100000 - 15 x 180 = 97300; equity = 97300 + 15 x 181 (marked at the close) = 100015
        assertThat(m.value("amcp_account_cash")).isEqualTo(97_300.0);
        assertThat(m.value("amcp_account_equity")).isEqualTo(100_015.0);
        assertThat(m.value("amcp_pnl_unrealized")).isEqualTo(15.0);
        assertThat(m.value("amcp_positions_open")).isEqualTo(1);
        assertThat(m.value("amcp_killswitch_engaged")).isEqualTo(0);
        assertThat(m.value("amcp_kernel_up")).isEqualTo(1);
        assertThat(m.value("amcp_broker_online", "broker", "paper")).isEqualTo(1);
        assertThat(m.value("amcp_market_open")).isEqualTo(1); // Monday 10:01 New York
        assertThat(m.value("amcp_data_age_seconds", "instrument", "AAPL")).isEqualTo(0.0);
        assertThat(m.samples.stream().filter(s -> s.name().equals("jvm_memory_used_bytes")
                && "heap".equals(s.labels().get("area"))).mapToDouble(PrometheusText.Sample::value).sum()).isPositive();
        assertThat(m.value("jvm_threads_live_threads")).isPositive();
        assertThat(m.has("jvm_gc_memory_allocated_bytes_total")).isTrue();

        clock.advanceTo(clock.nanos() + 90_000_000_000L);
        kernel.killSwitch().engage("ops test");
        metrics.probe();
        PrometheusText later = scrape();
        assertThat(later.value("amcp_data_age_seconds", "instrument", "AAPL")).isCloseTo(90.0, within(1e-9));
        assertThat(later.value("amcp_killswitch_engaged")).isEqualTo(1);
    }

    @Test
    void kernelLoopFiguresAreExportedWhileTheKernelRegistersThem() throws Exception {
        bar(0, 179, 180, 178, 179.5);
        PrometheusText live = scrape();
        assertThat(live.types).containsEntry("amcp_kernel_queue_depth", "gauge")
                .containsEntry("amcp_kernel_event_loop_lag_seconds", "gauge").containsEntry("amcp_kernel_events_total", "counter");
        // bar() waits until the kernel has answered a read posted after the bar: nothing is left waiting
        assertThat(live.value("amcp_kernel_queue_depth")).isEqualTo(0);
        assertThat(live.value("amcp_kernel_event_loop_lag_seconds")).isEqualTo(0);
        assertThat(live.value("amcp_kernel_events_total")).isGreaterThanOrEqualTo(2); // the bar and the read

        // a kernel with 7 events waiting, the oldest for 2.5 s, after 1234 events
        KernelMetrics backlog = new KernelMetrics() {
            @Override
            public int inboundQueueDepth() {
                return 7;
            }

            @Override
            public long eventLoopLagNanos() {
                return 2_500_000_000L;
            }

            @Override
            public long eventsProcessed() {
                return 1234;
            }
        };
        loop.bind(backlog);
        PrometheusText m = scrape();
        assertThat(m.value("amcp_kernel_queue_depth")).isEqualTo(7);
        assertThat(m.value("amcp_kernel_event_loop_lag_seconds")).isEqualTo(2.5);
        assertThat(m.value("amcp_kernel_events_total")).isEqualTo(1234);
        loop.unbind(backlog);
        assertThat(scrape().has("amcp_kernel_queue_depth")).isFalse();
    }

    @Test
    void readyWhenKernelBrokerAndDataAreHealthyAndNotWhenDataIsStale() throws Exception {
        bar(1, 180, 182, 179, 181);
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"name\":\"broker:paper\",\"ok\":true");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        clock.advanceTo(clock.nanos() + 600_000_000_000L); // 10 minutes without a bar, limit 180 s
        HttpResponse<String> stale = get("/health/ready");
        assertThat(stale.statusCode()).isEqualTo(503);
        assertThat(stale.body()).contains("\"name\":\"data\",\"ok\":false").contains("AAPL 600s");

    }

    @Test
    void bundlesEndpointListsStatesAndFailsOnAnUnresolvedBundle() throws Exception {
        HttpResponse<String> ok = get("/health/bundles");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"symbolicName\":\"io.amcp.core\"").contains("\"unhealthy\":0");
        bundles.add(new BundleState(40, "io.amcp.strategy.broken", "0.1.0", "INSTALLED", false));
        bundles.add(new BundleState(41, "some.fragment", "1.0.0", "RESOLVED", true));
        HttpResponse<String> bad = get("/health/bundles");
        assertThat(bad.statusCode()).isEqualTo(503);
        assertThat(bad.body()).contains("\"unhealthy\":1").contains("\"symbolicName\":\"io.amcp.strategy.broken\"");
    }

    @Test
    void bearerTokenIsRequiredWhenConfigured() throws Exception {
        server.stop();
        HealthChecks health = new HealthChecks(metrics, () -> List.<BrokerConnector>of(exchange), List::of, clock,
                NyseCalendar.INSTANCE, 180);
        server = new OpsHttpServer(registry, health, "s3cret");
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        assertThat(get("/metrics").statusCode()).isEqualTo(401);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Authorization", "Bearer s3cret").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(PrometheusText.parse(r.body()).has("amcp_orders_working")).isTrue();
    }

    /**
     * Every metric the shipped alert rules and dashboard query is one this node exposes (so no rule
     * silently never fires), and every alert has a runbook section.
     */
    @Test
    void shippedRulesAndDashboardQueryOnlyExposedMetricsAndEveryAlertHasARunbook() throws Exception {
        bar(1, 180, 182, 179, 181);
        kernel.submit(MANUAL, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(1)));
        bar(2, 181, 182, 180, 181);
        metrics.probe();
        // Micrometer registers jvm_gc_pause_seconds at the first GC notification it receives
        PrometheusText m = scrape();
        for (int i = 0; i < 50 && !m.has("jvm_gc_pause_seconds_sum"); i++) {
            System.gc();
            Thread.sleep(100);
            m = scrape();
        }
        String rules = resource("/ops/amcp-alerts.yml");
        String dashboard = resource("/ops/amcp-dashboard.json");
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b((?:amcp|jvm|process)_[a-z_]+)")
                .matcher(rules + dashboard);
        java.util.Set<String> queried = new java.util.TreeSet<>();
        while (names.find()) {
            queried.add(names.group(1));
        }
        assertThat(queried).contains("amcp_orders_total", "amcp_order_latency_seconds_bucket", "amcp_data_age_seconds",
                "amcp_killswitch_engaged", "jvm_memory_used_bytes");
        for (String name : queried) {
            assertThat(m.has(name)).as("metric %s used by the rules or dashboard is exposed", name).isTrue();
        }
        String runbooks = java.nio.file.Files.readString(java.nio.file.Path.of("docs/runbooks.md"));
        java.util.regex.Matcher alerts = java.util.regex.Pattern.compile("- alert: (\\w+)").matcher(rules);
        int count = 0;
        while (alerts.find()) {
            count++;
            assertThat(runbooks).as("runbook for %s", alerts.group(1)).contains("\n## " + alerts.group(1) + "\n");
        }
        assertThat(count).isEqualTo(12);
        for (String key : List.of("kernel-unresponsive", "kill-switch", "broker-offline", "data-stale",
                "risk-denied", "risk-limit", "kill-switch-released",
                "pre-market-check", "reconciliation", "end-of-day-report", "maintenance")) {
            assertThat(runbooks).as("runbook for in-app alert %s", key).contains(key);
        }
    }

    private static String resource(String name) throws java.io.IOException {
        try (java.io.InputStream in = MetricsEndpointTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
