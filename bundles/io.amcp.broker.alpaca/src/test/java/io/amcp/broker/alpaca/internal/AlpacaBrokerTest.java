package io.amcp.broker.alpaca.internal;

import static io.amcp.datasource.alpaca.FakeAlpacaServer.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderPendingCancel;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderTriggered;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.StopLoss;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TakeProfit;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.PluginStatus;
import io.amcp.broker.alpaca.AlpacaTrading;
import io.amcp.datasource.alpaca.AlpacaCredentials;
import io.amcp.datasource.alpaca.AlpacaHttp;
import io.amcp.datasource.alpaca.Backoff;
import io.amcp.datasource.alpaca.FakeAlpacaServer;
import io.amcp.datasource.alpaca.FakeAlpacaServer.Response;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector against a local server speaking Alpaca's trading REST API and trade_updates stream
 * (binary JSON frames) with recorded payloads; every event is also applied through the kernel's OMS.
 */
class AlpacaBrokerTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final AlpacaCredentials KEYS = AlpacaCredentials.of("PKTEST1234", "s3cr3t-value");
    private static final Instant NOW = Instant.parse("2021-03-16T18:38:01Z");
    private static final String LIM = "b5abe576-6a8a-49f3-a353-46b72c1ccae9";
    private static final String BR = "61e69015-8549-4bfd-b9c3-01e75843f47d";
    private static final String TP = "904837e3-3b76-47ec-b432-046db621571b";
    private static final String SL = "7d0e1e8f-0a6b-4b36-9ef1-3c3f1a6b0c59";

    private FakeAlpacaServer server;
    private AlpacaBroker broker;
    private final OmsOracle oms = new OmsOracle();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new FakeAlpacaServer();
        server.binaryFrames(true);
        server.script((ws, message) -> {
            JsonNode m = read(message);
            return switch (m.path("action").asText()) {
                case "auth" -> "PKTEST1234".equals(m.path("key").asText()) && "s3cr3t-value".equals(m.path("secret").asText())
                        ? List.of(resource("stream-authorized.json")) : List.of(resource("stream-unauthorized.json"));
                case "listen" -> List.of(resource("stream-listening.json"));
                default -> List.of();
            };
        });
        server.route("POST", "/v2/orders", r -> {
            String id = read(r.body()).path("client_order_id").asText();
            return Response.ok(resource(id.startsWith("br-") ? "order-bracket-accepted.json" : "order-limit-accepted.json")
                    .replace("\"lim-1\"", "\"" + id + "\"").replace(LIM, id.equals("lim-1") ? LIM : "id-of-" + id));
        });
        broker = broker(KEYS);
    }

    @AfterEach
    void stop() {
        broker.close();
        server.close();
    }

    private AlpacaBroker broker(AlpacaCredentials keys) {
        java.time.Clock wall = java.time.Clock.fixed(NOW, ZoneOffset.UTC);
        AlpacaHttp http = new AlpacaHttp(HttpClient.newHttpClient(), server.http(), keys, 2, waits::add, wall);
        Clock clock = () -> Clock.toNanos(NOW);
        return new AlpacaBroker(new AlpacaTrading(http), server.ws("/stream"),
                Backoff.of(Duration.ofMillis(20), Duration.ofMillis(200)), clock);
    }

    private static JsonNode read(String text) {
        try {
            return AlpacaHttp.json().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private void connect() throws InterruptedException {
        broker.connect(oms);
        await("listening", () -> broker.status().state() == PluginStatus.State.ONLINE);
    }

    private void submit(SubmitOrder order, int eventsAfter) throws InterruptedException {
        oms.submitted(order);
        broker.submit(order);
        await(eventsAfter + " events", () -> oms.events().size() >= eventsAfter);
    }

    private static long nanos(String time) {
        return Clock.toNanos(Instant.parse(time));
    }

    private static SubmitOrder limit(String id) {
        return SubmitOrder.builder(AAPL, Side.BUY, Quantity.of(100)).clientOrderId(ClientOrderId.of(id))
                .type(io.amcp.api.order.OrderType.LIMIT).limitPrice(Price.of("179.1")).build();
    }

    private static ClientOrderId cid(String id) {
        return ClientOrderId.of(id);
    }

    private static OrderFilled fill(String id, String tradeId, Side side, long qty, String price, String time) {
        return new OrderFilled(cid(id), tradeId, AAPL, side, Quantity.of(qty), Price.of(price), Money.ZERO, nanos(time));
    }

    private List<FakeAlpacaServer.Request> gets(String path) {
        return server.requests(path).stream().filter(r -> r.method().equals("GET")).toList();
    }

    private long listens() {
        return server.received().stream().filter(m -> m.contains("\"listen\"")).count();
    }

    @Test
    void bracketGoesOutInAlpacasShapeAndItsLegsFollowTheStream() throws Exception {
        connect();
        SubmitOrder bracket = SubmitOrder.builder(AAPL, Side.BUY, Quantity.of(100)).clientOrderId(cid("br-1"))
                .timeInForce(TimeInForce.GTC)
                .bracket(TakeProfit.at(Price.of("301")), StopLoss.at(Price.of("299"), Price.of("298.5"))).build();
        submit(bracket, 1);

        FakeAlpacaServer.Request post = server.requests("/v2/orders").get(0);
        assertThat(read(post.body())).isEqualTo(read("{\"symbol\":\"AAPL\",\"qty\":\"100\",\"side\":\"buy\","
                + "\"type\":\"market\",\"time_in_force\":\"gtc\",\"client_order_id\":\"br-1\",\"order_class\":\"bracket\","
                + "\"take_profit\":{\"limit_price\":\"301\"},\"stop_loss\":{\"stop_price\":\"299\",\"limit_price\":\"298.5\"}}"));
        assertThat(post.headers()).containsEntry("apca-api-key-id", "PKTEST1234").containsEntry("apca-api-secret-key",
                "s3cr3t-value");

        for (String update : List.of("update-bracket-fill.json", "update-tp-new.json", "update-sl-new.json",
                "update-tp-fill.json", "update-sl-canceled.json")) {
            server.push(resource(update));
        }
        await("the bracket's life", () -> oms.events().size() >= 6);

        assertThat(oms.events()).containsExactly(
                new OrderAccepted(cid("br-1"), OrderId.of(BR), nanos("2021-03-16T18:38:01.942282Z")),
                fill("br-1", BR + ":100", Side.BUY, 100, "300.1", "2021-03-16T18:38:02.150Z"),
                new OrderTriggered(cid("br-1-tp"), OrderId.of(TP), nanos("2021-03-16T18:38:02.160Z")),
                new OrderTriggered(cid("br-1-sl"), OrderId.of(SL), nanos("2021-03-16T18:38:02.161Z")),
                fill("br-1-tp", TP + ":100", Side.SELL, 100, "301", "2021-03-16T19:02:44.007Z"),
                new OrderCanceled(cid("br-1-sl"), "canceled at Alpaca", nanos("2021-03-16T19:02:44.015Z")));
        assertThat(oms.failures()).isEmpty();
        assertThat(oms.status("br-1")).isEqualTo(OrderStatus.FILLED);
        assertThat(oms.status("br-1-tp")).isEqualTo(OrderStatus.FILLED);
        assertThat(oms.status("br-1-sl")).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void refusedOrdersAreRejectedWithAlpacasReason() throws Exception {
        server.route("POST", "/v2/orders", r -> read(r.body()).path("client_order_id").asText().equals("br-2")
                ? new Response(403, Map.of(), resource("error-403-buying-power.json"))
                : new Response(422, Map.of(), resource("error-422.json")));
        connect();
        SubmitOrder bracket = SubmitOrder.builder(AAPL, Side.BUY, Quantity.of(100)).clientOrderId(cid("br-2"))
                .bracket(TakeProfit.at(Price.of("301")), StopLoss.at(Price.of("299"))).build();
        submit(bracket, 3);
        submit(limit("lim-9"), 4);

        String buyingPower = "Alpaca 403: insufficient buying power";
        long now = Clock.toNanos(NOW);
        assertThat(oms.events()).containsExactly(new OrderRejected(cid("br-2"), buyingPower, now),
                new OrderRejected(cid("br-2-tp"), buyingPower, now), new OrderRejected(cid("br-2-sl"), buyingPower, now),
                new OrderRejected(cid("lim-9"),
                        "Alpaca 422: bracket orders must be entered with time_in_force day or gtc", now));
        assertThat(oms.failures()).isEmpty();
        assertThat(oms.status("br-2-sl")).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void aRateLimitedSubmissionIsRetriedOnceAfterRetryAfterAndADuplicateIsNeverSent() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        server.route("POST", "/v2/orders", r -> posts.getAndIncrement() == 0
                ? new Response(429, Map.of("Retry-After", "2"), resource("error-429.json"))
                : Response.ok(resource("order-limit-accepted.json")));
        connect();
        submit(limit("lim-1"), 1);
        broker.submit(limit("lim-1"));
        broker.resend(List.of());

        assertThat(posts).hasValue(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(oms.events()).containsExactly(new OrderAccepted(cid("lim-1"), OrderId.of(LIM),
                nanos("2021-03-16T18:38:01.942282Z")));
    }

    @Test
    void replaceSendsAPatchAndReportsTheReplacement() throws Exception {
        server.route("PATCH", "/v2/orders/" + LIM, r -> Response.ok(resource("order-limit-replacement.json")));
        connect();
        submit(limit("lim-1"), 1);
        server.push(resource("update-limit-new.json"));
        broker.replace(new ReplaceOrder(cid("lim-1"), cid("lim-1r"), Quantity.of(120), Price.of("179.2"), null));
        await("replacement", () -> oms.events().size() >= 2);
        server.push(resource("update-limit-replaced.json"));

        assertThat(read(server.requests("/v2/orders/" + LIM).get(0).body())).isEqualTo(
                read("{\"qty\":\"120\",\"limit_price\":\"179.2\",\"client_order_id\":\"lim-1r\"}"));
        OrderReplaced replaced = (OrderReplaced) oms.events().get(1);
        assertThat(replaced.clientOrderId()).isEqualTo(cid("lim-1"));
        assertThat(replaced.replacement()).isEqualTo(cid("lim-1r"));
        assertThat(replaced.orderId()).isEqualTo(OrderId.of("c8f3a2e1-4b5d-4e6f-8a7b-9c0d1e2f3a4b"));
        assertThat(replaced.replacementOrder().quantity()).isEqualTo(Quantity.of(120));
        assertThat(replaced.replacementOrder().limitPrice()).isEqualTo(Price.of("179.2"));
        assertThat(oms.failures()).isEmpty();
        assertThat(oms.status("lim-1")).isEqualTo(OrderStatus.REPLACED);
        assertThat(oms.status("lim-1r")).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void cancelSendsADeleteAndFollowsTheStream() throws Exception {
        server.route("DELETE", "/v2/orders/" + LIM, r -> new Response(204, Map.of(), ""));
        connect();
        submit(limit("lim-1"), 1);
        broker.cancel(cid("lim-1"));
        await("the DELETE", () -> server.requests("/v2/orders/" + LIM).size() == 1);
        server.push(resource("update-limit-pending-cancel.json"));
        server.push(resource("update-limit-canceled.json"));
        await("cancel", () -> oms.events().size() >= 3);

        assertThat(oms.events()).containsExactly(
                new OrderAccepted(cid("lim-1"), OrderId.of(LIM), nanos("2021-03-16T18:38:01.942282Z")),
                new OrderPendingCancel(cid("lim-1"), nanos("2021-03-16T18:39:30.001Z")),
                new OrderCanceled(cid("lim-1"), "canceled at Alpaca", nanos("2021-03-16T18:39:30.210Z")));
        assertThat(oms.failures()).isEmpty();
        assertThat(oms.status("lim-1")).isEqualTo(OrderStatus.CANCELED);
    }

    /** A marker: the stream is processed in order, so once this cancel is seen every earlier message was handled. */
    private void pushMarker(int eventsAfter) throws InterruptedException {
        server.push(resource("update-limit-canceled.json").replace(LIM, "id-of-mk-1").replace("\"lim-1\"", "\"mk-1\""));
        await("the marker", () -> oms.events().size() >= eventsAfter);
    }

    @Test
    void aFillMadeWhileDisconnectedIsReportedOnceAfterTheReconnect() throws Exception {
        server.route("GET", "/v2/account/activities/FILL", r -> Response.ok(resource("activities-fills.json")));
        server.route("GET", "/v2/orders", r -> Response.ok(resource("orders-after-reconnect.json")));
        connect();
        submit(limit("lim-1"), 1);
        server.push(resource("update-limit-partial-fill.json"));
        await("the partial fill", () -> oms.events().size() >= 2);

        server.dropAll();
        await("listening again", () -> listens() == 2);
        await("reconciliation", () -> oms.events().size() >= 3);
        submit(limit("mk-1"), 4);
        // Alpaca's stream delivers the fill late, after the reconnect: already reported, not again
        server.push(resource("update-limit-fill.json"));
        pushMarker(5);

        // 40 @ 179.08 from the stream before the loss; the other 60 @ 179.10 (fill activity cum_qty 100)
        assertThat(oms.events().subList(0, 3)).containsExactly(
                new OrderAccepted(cid("lim-1"), OrderId.of(LIM), nanos("2021-03-16T18:38:01.942282Z")),
                fill("lim-1", LIM + ":40", Side.BUY, 40, "179.08", "2021-03-16T18:40:10.118Z"),
                fill("lim-1", LIM + ":100", Side.BUY, 60, "179.1", "2021-03-16T18:41:30.520Z"));
        assertThat(oms.events().get(4)).isInstanceOf(OrderCanceled.class);
        assertThat(oms.failures()).isEmpty();
        assertThat(oms.status("lim-1")).isEqualTo(OrderStatus.FILLED);
        assertThat(oms.view("lim-1").filledQuantity()).isEqualTo(Quantity.of(100));
        assertThat(server.connections()).isEqualTo(2);
        FakeAlpacaServer.Request orders = gets("/v2/orders").get(0);
        assertThat(orders.query()).containsEntry("status", "all").containsEntry("nested", "true")
                .containsEntry("after", "2021-03-16T18:37:01Z");
        assertThat(server.requests("/v2/account/activities/FILL").get(0).query())
                .containsEntry("after", "2021-03-16T18:37:01Z").containsEntry("direction", "asc");
    }

    @Test
    void aFillArrivingOnlyAfterTheReconnectIsAppliedOnce() throws Exception {
        server.route("GET", "/v2/account/activities/FILL", r -> Response.ok(resource("activities-partial.json")));
        server.route("GET", "/v2/orders", r -> Response.ok("[" + read(resource("update-limit-partial-fill.json"))
                .path("data").path("order") + "]"));
        connect();
        submit(limit("lim-1"), 1);
        server.push(resource("update-limit-partial-fill.json"));
        await("the partial fill", () -> oms.events().size() >= 2);

        server.dropAll();
        await("listening again", () -> listens() == 2);
        submit(limit("mk-1"), 3);
        server.push(resource("update-limit-fill.json"));
        server.push(resource("update-limit-fill.json"));
        pushMarker(5);

        assertThat(oms.events()).hasSize(5);
        assertThat(oms.events().get(3)).isEqualTo(fill("lim-1", LIM + ":100", Side.BUY, 60, "179.1",
                "2021-03-16T18:41:30.520Z"));
        assertThat(oms.failures()).isEmpty();
        assertThat(oms.view("lim-1").filledQuantity()).isEqualTo(Quantity.of(100));
        assertThat(gets("/v2/orders")).hasSize(1);
    }

    @Test
    void resendAfterARestartReplaysAlpacasHistoryAndNamesWhatAlpacaNeverGot() throws Exception {
        server.route("GET", "/v2/orders:by_client_order_id", r -> r.query().get("client_order_id").equals("lim-1")
                ? Response.ok(resource("order-limit-partially-filled-canceled.json"))
                : new Response(404, Map.of(), "{\"code\":40410000,\"message\":\"order not found\"}"));
        server.route("GET", "/v2/account/activities/FILL", r -> Response.ok(resource("activities-partial.json")));
        connect();
        oms.submitted(limit("lim-1"));
        oms.submitted(limit("ghost-1"));

        Set<ClientOrderId> unknown = broker.resend(List.of(cid("lim-1"), cid("ghost-1")));

        assertThat(unknown).containsExactly(cid("ghost-1"));
        List<OrderEvent> history = List.of(
                new OrderAccepted(cid("lim-1"), OrderId.of(LIM), nanos("2021-03-16T20:00:00.021Z")),
                fill("lim-1", LIM + ":40", Side.BUY, 40, "179.08", "2021-03-16T18:40:10.118Z"),
                new OrderCanceled(cid("lim-1"), "canceled at Alpaca", nanos("2021-03-16T20:00:00.021Z")));
        assertThat(oms.events()).isEqualTo(history);
        assertThat(oms.status("lim-1")).isEqualTo(OrderStatus.CANCELED);
        assertThat(oms.view("lim-1").filledQuantity()).isEqualTo(Quantity.of(40));

        // a second reconciliation sends the same history again; the OMS finds nothing new in it
        broker.resend(List.of(cid("lim-1")));
        assertThat(oms.events().subList(3, 6)).isEqualTo(history);
        assertThat(oms.applied()).hasSize(3);
        assertThat(oms.failures()).isEmpty();
    }

    @Test
    void refusedKeysStopTheStreamWithTheReason() throws Exception {
        broker.close();
        broker = broker(AlpacaCredentials.of("PKWRONG", "wrong-secret"));
        broker.connect(oms);
        await("refusal", () -> broker.status().reason().contains("refused"));
        Thread.sleep(100);

        assertThat(broker.status().state()).isEqualTo(PluginStatus.State.OFFLINE);
        assertThat(broker.status().reason()).doesNotContain("wrong-secret");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void accountAndPositionsComeFromAlpacasObjects() {
        server.route("GET", "/v2/account", r -> Response.ok(resource("account.json")));
        server.route("GET", "/v2/positions", r -> Response.ok(resource("positions.json")));

        var account = broker.account();
        assertThat(account.cash()).isEqualTo(Money.of("-23140.2"));
        assertThat(account.equity()).isEqualTo(Money.of("103820.56"));
        assertThat(account.buyingPower()).isEqualTo(Money.of("262113.632"));
        assertThat(account.longMarketValue()).isEqualTo(Money.of("126960.76"));
        assertThat(account.dayStartEquity()).isEqualTo(Money.of("102988.21"));
        // 103820.56 - 102988.21
        assertThat(account.dayPnl()).isEqualTo(Money.of("832.35"));

        var positions = broker.positions();
        assertThat(positions).hasSize(2);
        assertThat(positions.get(0).instrument()).isEqualTo(AAPL);
        assertThat(positions.get(0).quantity()).isEqualTo(Quantity.of(100));
        assertThat(positions.get(0).averageCost()).isEqualTo(Price.of("175.5"));
        assertThat(positions.get(0).unrealizedPnl()).isEqualTo(Money.of("270"));
        assertThat(positions.get(1).quantity()).isEqualTo(Quantity.of(-5));
        assertThat(positions.get(1).marketValue()).isEqualTo(Money.of("-3456"));
    }

    @Test
    void linkedOrdersUseAlpacasOrderClasses() {
        SubmitOrder oco = SubmitOrder.builder(AAPL, Side.SELL, Quantity.of(10)).clientOrderId(cid("oco-1"))
                .type(io.amcp.api.order.OrderType.LIMIT).orderClass(io.amcp.api.order.OrderClass.OCO)
                .takeProfit(TakeProfit.at(Price.of("190"))).stopLoss(StopLoss.at(Price.of("170"))).build();
        SubmitOrder oto = SubmitOrder.builder(AAPL, Side.BUY, Quantity.of(10)).clientOrderId(cid("oto-1"))
                .type(io.amcp.api.order.OrderType.LIMIT).limitPrice(Price.of("180"))
                .orderClass(io.amcp.api.order.OrderClass.OTO).stopLoss(StopLoss.at(Price.of("175"))).build();

        ObjectNode ocoJson = AlpacaTrading.orderRequest(oco);
        assertThat(ocoJson).isEqualTo(read("{\"symbol\":\"AAPL\",\"qty\":\"10\",\"side\":\"sell\",\"type\":\"limit\","
                + "\"time_in_force\":\"day\",\"client_order_id\":\"oco-1\",\"order_class\":\"oco\","
                + "\"take_profit\":{\"limit_price\":\"190\"},\"stop_loss\":{\"stop_price\":\"170\"}}"));
        assertThat(AlpacaTrading.orderRequest(oto)).isEqualTo(read("{\"symbol\":\"AAPL\",\"qty\":\"10\",\"side\":\"buy\","
                + "\"type\":\"limit\",\"time_in_force\":\"day\",\"limit_price\":\"180\",\"client_order_id\":\"oto-1\","
                + "\"order_class\":\"oto\",\"stop_loss\":{\"stop_price\":\"175\"}}"));
    }

    @Test
    void withoutKeysTheConnectorIsOfflineAndRejectsOrdersInsteadOfFailing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("APCA_API_KEY_ID") == null);
        AlpacaBrokerConfig config = new AlpacaBrokerConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return AlpacaBrokerConfig.class;
            }

            @Override
            public String tradingUrl() {
                return server.http().toString();
            }

            @Override
            public String streamUrl() {
                return server.ws("/stream").toString();
            }

            @Override
            public long reconnectInitialMillis() {
                return 20;
            }

            @Override
            public long reconnectMaxMillis() {
                return 200;
            }

            @Override
            public int maxRetries() {
                return 0;
            }

            @Override
            public int statementLookbackDays() {
                return 7;
            }
        };
        AlpacaBroker keyless = new AlpacaBroker(config, () -> Clock.toNanos(NOW), name -> java.util.Optional.empty());
        try {
            keyless.connect(oms);
            oms.submitted(limit("lim-5"));
            keyless.submit(limit("lim-5"));
            await("rejection", () -> oms.events().size() == 1);

            assertThat(keyless.status().state()).isEqualTo(PluginStatus.State.OFFLINE);
            assertThat(keyless.status().reason()).contains("alpaca.key-id");
            assertThat(((OrderRejected) oms.events().get(0)).reason()).contains("alpaca.key-id");
            assertThat(server.connections()).isZero();
            assertThat(server.requests()).isEmpty();
        } finally {
            keyless.close();
        }
    }

    @Test
    void anOcoPairIsTrackedAsTheKernelsTwoLegs() throws Exception {
        server.route("POST", "/v2/orders", r -> Response.ok(resource("order-oco-new.json")));
        connect();
        SubmitOrder oco = SubmitOrder.builder(AAPL, Side.SELL, Quantity.of(10)).clientOrderId(cid("oco-1"))
                .type(io.amcp.api.order.OrderType.LIMIT).orderClass(io.amcp.api.order.OrderClass.OCO)
                .takeProfit(TakeProfit.at(Price.of("190"))).stopLoss(StopLoss.at(Price.of("170"))).build();
        submit(oco, 2);
        server.push(resource("update-oco-take-profit-fill.json"));
        server.push(resource("update-oco-stop-loss-canceled.json"));
        await("the pair's end", () -> oms.events().size() >= 4);

        // Alpaca's OCO parent is the take-profit limit, its leg the stop: the kernel's oco-1-tp and oco-1-sl
        long acked = nanos("2021-03-16T18:38:01.942282Z");
        assertThat(oms.events()).containsExactly(
                new OrderAccepted(cid("oco-1-tp"), OrderId.of("3f0d8a52-7c1e-4b9a-9d6e-1a2b3c4d5e6f"), acked),
                new OrderAccepted(cid("oco-1-sl"), OrderId.of("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), acked),
                new OrderFilled(cid("oco-1-tp"), "3f0d8a52-7c1e-4b9a-9d6e-1a2b3c4d5e6f:10", AAPL, Side.SELL,
                        Quantity.of(10), Price.of("190.02"), Money.ZERO, nanos("2021-03-16T19:30:00.500Z")),
                new OrderCanceled(cid("oco-1-sl"), "canceled at Alpaca", nanos("2021-03-16T19:30:00.510Z")));
        assertThat(oms.failures()).isEmpty();
        assertThat(oms.status("oco-1-tp")).isEqualTo(OrderStatus.FILLED);
        assertThat(oms.status("oco-1-sl")).isEqualTo(OrderStatus.CANCELED);
    }
}
