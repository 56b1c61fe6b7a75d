package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v2/orders} while the kernel is busy: the kernel thread is held by a command posted to it
 * (as a long journal write or a slow risk rule would hold it), so orders queue up behind it.
 */
class OrderSubmissionTest {

    /** Vert.x's default worker pool size: the threads blocking handlers share. */
    private static final int WORKER_THREADS = 20;

    private PaperNode node;
    private Http http;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        node = new PaperNode();
        http = new Http(node.baseUrl);
        node.bar(1, 100, 101, 99, 100.5);
    }

    @AfterEach
    void stop() {
        release.countDown();
        node.close();
    }

    private void holdKernel() {
        node.kernel.post((Runnable) () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static String limitBuy(String clientOrderId) {
        return new JsonObject().put("symbol", "AAPL").put("qty", "1").put("side", "buy").put("type", "limit")
                .put("limit_price", "90").put("time_in_force", "gtc").put("client_order_id", clientOrderId).encode();
    }

    @Test
    void anOrderTheKernelDoesNotTakeWithinFiveSecondsIsAnswered504InAlpacasShape() {
        holdKernel();
        Http.Reply r = http.post("/v2/orders", node.trader, limitBuy("slow-1"));
        assertThat(r.status()).as(r.body()).isEqualTo(504);
        assertThat(r.json().getInteger("code")).isEqualTo(50410000);
        assertThat(r.json().getString("message")).contains("slow-1").contains("client_order_id");
        release.countDown();
        // the kernel takes the order once free: it can be looked up, and its id stays used
        assertThat(http.get("/v2/orders:by_client_order_id?client_order_id=slow-1", node.trader).json()
                .getString("status")).isIn("new", "accepted");
        assertThat(http.post("/v2/orders", node.trader, limitBuy("slow-1")).status()).isEqualTo(422);
    }

    @Test
    void ordersWaitingForTheKernelHoldNoWorkerThread() throws Exception {
        holdKernel();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int orders = WORKER_THREADS + 4;
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            replies.add(client.sendAsync(request("/v2/orders").POST(HttpRequest.BodyPublishers.ofString(limitBuy("q-" + i)))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (node.kernel.metrics().inboundQueueDepth() < WORKER_THREADS && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(node.kernel.metrics().inboundQueueDepth()).isGreaterThanOrEqualTo(WORKER_THREADS);
        // a request served by a worker thread without the kernel is answered while the orders wait
        HttpResponse<String> latest = client.send(request("/v2/stocks/bars/latest?symbols=AAPL").GET()
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(replies).noneMatch(CompletableFuture::isDone);
        release.countDown();
        for (CompletableFuture<HttpResponse<String>> reply : replies) {
            assertThat(reply.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(http.get("/v2/orders?limit=500", node.trader).array()).hasSize(orders);
    }

    @Test
    void anOcoOrderIsAnsweredWithItsTakeProfitLeg() {
        // Alpaca: an OCO order is a limit take-profit and a stop-loss, the second canceled when the first fills
        String body = new JsonObject().put("symbol", "AAPL").put("qty", "5").put("side", "sell").put("type", "limit")
                .put("time_in_force", "gtc").put("order_class", "oco").put("client_order_id", "oco-1")
                .put("take_profit", new JsonObject().put("limit_price", "110"))
                .put("stop_loss", new JsonObject().put("stop_price", "95")).encode();
        // an OCO order closes a position: buy 5 first, filled at the next bar's open
        assertThat(http.post("/v2/orders", node.trader, new JsonObject().put("symbol", "AAPL").put("qty", "5")
                .put("side", "buy").put("type", "market").put("time_in_force", "day").encode()).status()).isEqualTo(200);
        node.bar(2, 101, 102, 100.5, 101.5);
        Http.Reply r = http.post("/v2/orders", node.trader, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject order = r.json();
        assertOcoShape(order);
        // GET by id names the class; nested=true nests the stop-loss, and the nested list shows the pair once
        String id = order.getString("id");
        JsonObject plain = http.get("/v2/orders/" + id, node.trader).json();
        assertThat(plain.getString("order_class")).isEqualTo("oco");
        assertThat(plain.getValue("legs")).isNull();
        assertOcoShape(http.get("/v2/orders/" + id + "?nested=true", node.trader).json());
        JsonArray open = http.get("/v2/orders?status=open&nested=true", node.trader).array();
        assertThat(open).hasSize(1);
        assertOcoShape(open.getJsonObject(0));
        // by_client_order_id finds the order by the id it was submitted with, a leg by its own
        JsonObject byClientId = http.get("/v2/orders:by_client_order_id?client_order_id=oco-1", node.trader).json();
        assertThat(byClientId.getString("id")).isEqualTo(id);
        assertOcoShape(byClientId);
        assertThat(http.get("/v2/orders:by_client_order_id?client_order_id=oco-1-sl", node.trader).json()
                .getString("client_order_id")).isEqualTo("oco-1-sl");
        // canceling the order by its id cancels the whole order, as Alpaca does: the take-profit and the stop-loss
        assertThat(http.delete("/v2/orders/" + id, node.trader).status()).isEqualTo(204);
        JsonObject canceled = http.get("/v2/orders/" + id + "?nested=true", node.trader).json();
        assertThat(canceled.getString("client_order_id")).isEqualTo("oco-1");
        assertThat(canceled.getString("status")).isEqualTo("canceled");
        assertThat(canceled.getJsonArray("legs").getJsonObject(0).getString("status")).isEqualTo("canceled");
    }

    @Test
    void anIdEndingInTheTakeProfitSuffixIsNoOcoOrder() {
        // a simple order whose own id ends in "-tp" is not the take-profit of an OCO order "solo"
        Http.Reply r = http.post("/v2/orders", node.trader, new JsonObject().put("symbol", "AAPL").put("qty", "1")
                .put("side", "buy").put("type", "limit").put("limit_price", "90").put("time_in_force", "gtc")
                .put("client_order_id", "solo-tp").encode());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("client_order_id")).isEqualTo("solo-tp");
        assertThat(http.get("/v2/orders:by_client_order_id?client_order_id=solo", node.trader).status()).isEqualTo(404);
    }

    /**
     * Alpaca's shape of an OCO order (docs.alpaca.markets, orders: "for oco orders, the top-level order is
     * take_profit"): the take-profit limit is the parent with order_class "oco", the stop-loss its one leg,
     * both on the submitted side (sell 5 AAPL, limit 110, stop 95 in the request above).
     */
    private static void assertOcoShape(JsonObject order) {
        assertThat(order.getString("client_order_id")).isEqualTo("oco-1");
        assertThat(order.getString("order_class")).isEqualTo("oco");
        assertThat(order.getString("type")).isEqualTo("limit");
        assertThat(order.getString("side")).isEqualTo("sell");
        assertThat(order.getString("qty")).isEqualTo("5");
        assertThat(order.getString("limit_price")).isEqualTo("110");
        assertThat(order.getString("stop_price")).isNull();
        JsonArray legs = order.getJsonArray("legs");
        assertThat(legs).hasSize(1);
        JsonObject stopLoss = legs.getJsonObject(0);
        assertThat(stopLoss.getString("client_order_id")).isEqualTo("oco-1-sl");
        assertThat(stopLoss.getString("type")).isEqualTo("stop");
        assertThat(stopLoss.getString("side")).isEqualTo("sell");
        assertThat(stopLoss.getString("qty")).isEqualTo("5");
        assertThat(stopLoss.getString("stop_price")).isEqualTo("95");
        assertThat(stopLoss.getString("limit_price")).isNull();
        assertThat(stopLoss.getValue("legs")).isNull();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(node.baseUrl + path)).timeout(Duration.ofSeconds(20))
                .header("APCA-API-KEY-ID", node.trader.keyId()).header("APCA-API-SECRET-KEY", node.trader.secret());
    }
}
