package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against a real server on 127.0.0.1 over a real kernel and paper exchange. Expected
 * values are worked out by hand from the bars fed in: market orders fill at the next bar's open
 * (frictionless), the account starts with 100,000 cash at leverage 1, so buying power = equity - gross
 * exposure = cash after a long fill.
 */
class AlpacaApiServerTest {

    private PaperNode node;
    private Http http;

    @BeforeEach
    void start() {
        node = new PaperNode(AlpacaApiSettings.defaults().withRateLimit(100_000, 100_000).withMaxBodyBytes(1024)
                .withAssets(List.of(AssetInfo.parse("AAPL:equity:NASDAQ:Apple Inc."), AssetInfo.parse("BTC/USD:crypto"))));
        http = new Http(node.baseUrl);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static String marketBuy(String clientOrderId, int qty) {
        return new JsonObject().put("symbol", "AAPL").put("qty", Integer.toString(qty)).put("side", "buy")
                .put("type", "market").put("time_in_force", "day").put("client_order_id", clientOrderId).encode();
    }

    private static BigDecimal dec(JsonObject o, String field) {
        return new BigDecimal(o.getString(field));
    }

    @Test
    void accountBeforeTradingIsAllCash() {
        JsonObject a = http.get("/v2/account", node.trader).json();
        assertThat(a.getString("account_number")).isEqualTo("PA0000000001");
        assertThat(a.getString("status")).isEqualTo("ACTIVE");
        assertThat(a.getString("currency")).isEqualTo("USD");
        assertThat(dec(a, "cash")).isEqualByComparingTo("100000");
        assertThat(dec(a, "equity")).isEqualByComparingTo("100000");
        assertThat(dec(a, "buying_power")).isEqualByComparingTo("100000");
        assertThat(a.getBoolean("trading_blocked")).isFalse();
    }

    @Test
    void marketOrderFillsAtTheNextBarsOpenAndShowsInAccountAndPositions() {
        node.bar(1, 100, 101, 99, 100.5);
        Http.Reply submitted = http.post("/v2/orders", node.trader, marketBuy("mkt-1", 10));
        assertThat(submitted.status()).isEqualTo(200);
        JsonObject order = submitted.json();
        // the id is the name-based UUID of the client order id (RFC 4122 version 3)
        String expectedId = UUID.nameUUIDFromBytes("amcp-order:mkt-1".getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(order.getString("id")).isEqualTo(expectedId);
        assertThat(order.getString("client_order_id")).isEqualTo("mkt-1");
        assertThat(order.getString("symbol")).isEqualTo("AAPL");
        assertThat(order.getString("asset_class")).isEqualTo("us_equity");
        assertThat(order.getString("qty")).isEqualTo("10");
        assertThat(order.getString("filled_qty")).isEqualTo("0");
        assertThat(order.getString("side")).isEqualTo("buy");
        assertThat(order.getString("type")).isEqualTo("market");
        assertThat(order.getString("time_in_force")).isEqualTo("day");
        assertThat(order.getString("status")).isIn("accepted", "new");
        assertThat(order.getValue("filled_avg_price")).isNull();

        // next bar opens at 101: the fill price
        node.bar(2, 101, 102, 100.5, 101.5);
        JsonObject filled = http.get("/v2/orders/" + expectedId, node.trader).json();
        assertThat(filled.getString("status")).isEqualTo("filled");
        assertThat(filled.getString("filled_qty")).isEqualTo("10");
        assertThat(dec(filled, "filled_avg_price")).isEqualByComparingTo("101");
        assertThat(filled.getString("filled_at")).isNotNull();

        // cash 100000 - 10 x 101 = 98990; marked at the close 101.5: value 1015, equity 100005;
        // buying power = equity x 1 - gross 1015 = 98990
        JsonObject a = http.get("/v2/account", node.trader).json();
        assertThat(dec(a, "cash")).isEqualByComparingTo("98990");
        assertThat(dec(a, "long_market_value")).isEqualByComparingTo("1015");
        assertThat(dec(a, "equity")).isEqualByComparingTo("100005");
        assertThat(dec(a, "portfolio_value")).isEqualByComparingTo("100005");
        assertThat(dec(a, "buying_power")).isEqualByComparingTo("98990");

        JsonArray positions = http.get("/v2/positions", node.trader).array();
        assertThat(positions).hasSize(1);
        JsonObject p = positions.getJsonObject(0);
        assertThat(p.getString("symbol")).isEqualTo("AAPL");
        assertThat(p.getString("side")).isEqualTo("long");
        assertThat(p.getString("exchange")).isEqualTo("NASDAQ");
        assertThat(dec(p, "qty")).isEqualByComparingTo("10");
        assertThat(dec(p, "qty_available")).isEqualByComparingTo("10");
        assertThat(dec(p, "avg_entry_price")).isEqualByComparingTo("101");
        assertThat(dec(p, "current_price")).isEqualByComparingTo("101.5");
        assertThat(dec(p, "market_value")).isEqualByComparingTo("1015");
        assertThat(dec(p, "cost_basis")).isEqualByComparingTo("1010");
        assertThat(dec(p, "unrealized_pl")).isEqualByComparingTo("5");
        // 5 / 1010 = 0.004950495..., to 8 places
        assertThat(dec(p, "unrealized_plpc")).isEqualByComparingTo("0.0049505");
        assertThat(http.get("/v2/positions/AAPL", node.trader).json().getString("qty")).isEqualTo("10");

        assertThat(http.get("/v2/orders?status=closed", node.trader).array()).hasSize(1);
        // submitted at the first bar's end, 15:01:00Z; after and until are exclusive
        assertThat(http.get("/v2/orders?status=all&after=2024-03-04T15:00:59Z", node.trader).array()).hasSize(1);
        assertThat(http.get("/v2/orders?status=all&after=2024-03-04T15:01:00Z", node.trader).array()).isEmpty();
        assertThat(http.get("/v2/orders?status=all&until=2024-03-04T15:01:00Z", node.trader).array()).isEmpty();
        assertThat(http.get("/v2/orders?status=all&until=2024-03-04T10:01:01-05:00", node.trader).array()).hasSize(1);
        assertThat(http.get("/v2/orders", node.trader).array()).isEmpty();
        assertThat(http.get("/v2/orders:by_client_order_id?client_order_id=mkt-1", node.trader).json().getString("id"))
                .isEqualTo(expectedId);
    }

    @Test
    void limitOrderIsListedReplacedAndCanceled() {
        node.bar(1, 100, 101, 99, 100.5);
        String body = new JsonObject().put("symbol", "AAPL").put("qty", "5").put("side", "buy").put("type", "limit")
                .put("limit_price", "95").put("time_in_force", "gtc").put("client_order_id", "lmt-1").encode();
        JsonObject order = http.post("/v2/orders", node.trader, body).json();
        String id = order.getString("id");
        assertThat(order.getString("limit_price")).isEqualTo("95");
        node.bar(2, 100, 100.5, 99.5, 100); // low 99.5 stays above 95: no fill

        JsonArray open = http.get("/v2/orders?status=open&symbols=AAPL", node.trader).array();
        assertThat(open).hasSize(1);
        assertThat(open.getJsonObject(0).getString("status")).isEqualTo("new");
        assertThat(http.get("/v2/orders?symbols=MSFT", node.trader).array()).isEmpty();

        Http.Reply replaced = http.patch("/v2/orders/" + id, node.trader,
                new JsonObject().put("limit_price", "96").put("client_order_id", "lmt-2").encode());
        assertThat(replaced.status()).isEqualTo(200);
        JsonObject replacement = replaced.json();
        assertThat(replacement.getString("client_order_id")).isEqualTo("lmt-2");
        assertThat(replacement.getString("limit_price")).isEqualTo("96");
        assertThat(replacement.getString("replaces")).isEqualTo(id);
        JsonObject old = http.get("/v2/orders/" + id, node.trader).json();
        assertThat(old.getString("status")).isEqualTo("replaced");
        assertThat(old.getString("replaced_by")).isEqualTo(replacement.getString("id"));

        String newId = replacement.getString("id");
        assertThat(http.delete("/v2/orders/" + newId, node.trader).status()).isEqualTo(204);
        node.kernel.call(() -> null);
        assertThat(http.get("/v2/orders/" + newId, node.trader).json().getString("status")).isEqualTo("canceled");
        Http.Reply again = http.delete("/v2/orders/" + newId, node.trader);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().getString("message")).contains("canceled");
        JsonArray all = http.get("/v2/orders?status=all&direction=asc", node.trader).array();
        assertThat(all.stream().map(o -> ((JsonObject) o).getString("client_order_id")).toList())
                .containsExactly("lmt-1", "lmt-2");
        assertThat(http.get("/v2/orders?status=all&limit=1", node.trader).array()).hasSize(1);
    }

    @Test
    void cancelAllAnswersMultiStatus() {
        node.bar(1, 100, 101, 99, 100.5);
        for (String id : List.of("c-1", "c-2")) {
            http.post("/v2/orders", node.trader, new JsonObject().put("symbol", "AAPL").put("qty", "1").put("side", "buy")
                    .put("type", "limit").put("limit_price", "90").put("time_in_force", "day")
                    .put("client_order_id", id).encode());
        }
        Http.Reply r = http.delete("/v2/orders", node.trader);
        assertThat(r.status()).isEqualTo(207);
        JsonArray results = r.array();
        assertThat(results).hasSize(2);
        for (Object o : results) {
            JsonObject entry = (JsonObject) o;
            assertThat(entry.getInteger("status")).isEqualTo(200);
            assertThat(entry.getJsonObject("body").getString("id")).isEqualTo(entry.getString("id"));
        }
        node.kernel.call(() -> null);
        assertThat(http.get("/v2/orders", node.trader).array()).isEmpty();
    }

    @Test
    void closingAPositionSendsMarketOrdersThroughTheNode() {
        node.bar(1, 100, 101, 99, 100.5);
        http.post("/v2/orders", node.trader, marketBuy("buy-10", 10));
        node.bar(2, 101, 102, 100.5, 101.5); // bought 10 at 101: cash 98990

        Http.Reply half = http.delete("/v2/positions/AAPL?percentage=50", node.trader);
        assertThat(half.status()).isEqualTo(200);
        assertThat(half.json().getString("side")).isEqualTo("sell");
        assertThat(half.json().getString("qty")).isEqualTo("5");
        assertThat(half.json().getString("type")).isEqualTo("market");
        node.bar(3, 102, 103, 101, 102.5); // sold 5 at 102: cash 98990 + 510 = 99500
        assertThat(http.get("/v2/positions/AAPL", node.trader).json().getString("qty")).isEqualTo("5");
        assertThat(dec(http.get("/v2/account", node.trader).json(), "cash")).isEqualByComparingTo("99500");

        Http.Reply tooMuch = http.delete("/v2/positions/AAPL?qty=20", node.trader);
        assertThat(tooMuch.status()).isEqualTo(403);
        assertThat(tooMuch.json().getInteger("code")).isEqualTo(40310000);
        assertThat(http.delete("/v2/positions/AAPL?qty=1&percentage=5", node.trader).status()).isEqualTo(422);

        Http.Reply all = http.delete("/v2/positions?cancel_orders=true", node.trader);
        assertThat(all.status()).isEqualTo(207);
        assertThat(all.array().getJsonObject(0).getString("symbol")).isEqualTo("AAPL");
        assertThat(all.array().getJsonObject(0).getJsonObject("body").getString("qty")).isEqualTo("5");
        node.bar(4, 103, 104, 102, 103.5); // sold 5 at 103: cash 99500 + 515 = 100015
        assertThat(http.get("/v2/positions", node.trader).array()).isEmpty();
        Http.Reply gone = http.get("/v2/positions/AAPL", node.trader);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().getInteger("code")).isEqualTo(40410000);
        assertThat(dec(http.get("/v2/account", node.trader).json(), "cash")).isEqualByComparingTo("100015");
    }

    @Test
    void bracketOrderShowsItsHeldLegs() {
        node.bar(1, 100, 101, 99, 100.5);
        String body = new JsonObject().put("symbol", "AAPL").put("qty", "10").put("side", "buy").put("type", "market")
                .put("time_in_force", "gtc").put("order_class", "bracket").put("client_order_id", "br-1")
                .put("take_profit", new JsonObject().put("limit_price", "110"))
                .put("stop_loss", new JsonObject().put("stop_price", "95")).encode();
        Http.Reply r = http.post("/v2/orders", node.trader, body);
        assertThat(r.status()).isEqualTo(200);
        JsonObject order = r.json();
        assertThat(order.getString("order_class")).isEqualTo("bracket");
        JsonArray legs = order.getJsonArray("legs");
        assertThat(legs).hasSize(2);
        assertThat(legs.getJsonObject(0).getString("side")).isEqualTo("sell");
        assertThat(legs.getJsonObject(0).getString("limit_price")).isEqualTo("110");
        assertThat(legs.getJsonObject(0).getString("status")).isEqualTo("held");
        assertThat(legs.getJsonObject(1).getString("stop_price")).isEqualTo("95");
        assertThat(http.get("/v2/orders?nested=true", node.trader).array()).hasSize(1);
        assertThat(http.get("/v2/orders", node.trader).array()).hasSize(3);
    }

    @Test
    void missingOrWrongKeysAreUnauthorizedAndViewersMayOnlyRead() {
        Http.Reply none = http.get("/v2/account", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().getInteger("code")).isEqualTo(40110000);
        Http.Reply wrong = http.get("/v2/account",
                new ApiKeyStore.Credentials(node.trader.keyId(), "not-the-secret-at-all", Role.TRADER));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(http.get("/v2/account", node.viewer).status()).isEqualTo(200);
        Http.Reply viewerPost = http.post("/v2/orders", node.viewer, marketBuy("v-1", 1));
        assertThat(viewerPost.status()).isEqualTo(403);
        assertThat(viewerPost.json().getInteger("code")).isEqualTo(40310000);
        assertThat(http.delete("/v2/orders", node.viewer).status()).isEqualTo(403);
    }

    @Test
    void insufficientBuyingPowerIs403() {
        node.bar(1, 100, 101, 99, 100.5);
        // 1000 x 100.5 (last price) = 100500 > 100000 buying power
        Http.Reply r = http.post("/v2/orders", node.trader, marketBuy("big-1", 1000));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().getInteger("code")).isEqualTo(40310000);
        assertThat(r.json().getString("message")).startsWith("insufficient buying power");
        // 990 x 100.5 = 99495 fits
        assertThat(http.post("/v2/orders", node.trader, marketBuy("fits-1", 990)).status()).isEqualTo(200);
    }

    @Test
    void invalidFieldsAre422NamingTheField() {
        node.bar(1, 100, 101, 99, 100.5);
        JsonObject noLimit = new JsonObject().put("symbol", "AAPL").put("qty", "1").put("side", "buy")
                .put("type", "limit").put("time_in_force", "day");
        assertField(http.post("/v2/orders", node.trader, noLimit.encode()), "limit_price");
        assertField(http.post("/v2/orders", node.trader, noLimit.copy().put("type", "market").put("qty", "abc").encode()), "qty");
        assertField(http.post("/v2/orders", node.trader, noLimit.copy().put("type", "market").put("side", "up").encode()), "side");
        JsonObject noTimeInForce = noLimit.copy().put("type", "market");
        noTimeInForce.remove("time_in_force");
        assertField(http.post("/v2/orders", node.trader, noTimeInForce.encode()), "time_in_force");
        assertField(http.post("/v2/orders", node.trader, noLimit.copy().put("type", "market").put("qty", "-1").encode()), "qty");
        assertField(http.post("/v2/orders", node.trader, noLimit.copy().put("type", "market").put("notional", "100").encode()), "notional");
        assertField(http.get("/v2/orders?status=pending", node.trader), "status");
        assertField(http.get("/v2/orders?limit=501", node.trader), "limit");
        assertThat(http.post("/v2/orders", node.trader, "{not json").status()).isEqualTo(400);

        assertThat(http.post("/v2/orders", node.trader, marketBuy("dup-1", 1)).status()).isEqualTo(200);
        Http.Reply dup = http.post("/v2/orders", node.trader, marketBuy("dup-1", 1));
        assertThat(dup.status()).isEqualTo(422);
        assertThat(dup.json().getString("message")).contains("client_order_id");
    }

    private static void assertField(Http.Reply r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().getInteger("code")).isEqualTo(42210000);
        assertThat(r.json().getString("message")).startsWith(field + ":");
    }

    @Test
    void unknownOrdersPositionsAndAssetsAre404() {
        for (String path : List.of("/v2/orders/" + UUID.randomUUID(), "/v2/orders/not-a-uuid", "/v2/positions/MSFT",
                "/v2/assets/NOPE", "/v2/orders:by_client_order_id?client_order_id=nope", "/v2/no-such-endpoint")) {
            Http.Reply r = http.get(path, node.trader);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().getInteger("code")).as(path).isEqualTo(40410000);
        }
        assertThat(http.delete("/v2/orders/" + UUID.randomUUID(), node.trader).status()).isEqualTo(404);
        assertThat(http.delete("/v2/positions/MSFT", node.trader).status()).isEqualTo(404);
    }

    @Test
    void oversizedBodyIs413() {
        String padding = "x".repeat(2048);
        Http.Reply r = http.post("/v2/orders", node.trader,
                new JsonObject().put("symbol", "AAPL").put("client_order_id", padding).encode());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().getInteger("code")).isEqualTo(41310000);
    }

    @Test
    void clockAndCalendarFollowTheNyseCalendar() {
        JsonObject clock = http.get("/v2/clock", node.viewer).json();
        // 2024-03-04 15:00Z is 10:00 in New York (EST)
        assertThat(clock.getString("timestamp")).isEqualTo("2024-03-04T10:00:00-05:00");
        assertThat(clock.getBoolean("is_open")).isTrue();
        assertThat(clock.getString("next_open")).isEqualTo("2024-03-05T09:30:00-05:00");
        assertThat(clock.getString("next_close")).isEqualTo("2024-03-04T16:00:00-05:00");

        // July 2024: the 4th is a holiday, the 3rd closes early, 6-7 are a weekend
        JsonArray july = http.get("/v2/calendar?start=2024-07-01&end=2024-07-08", node.viewer).array();
        assertThat(july.stream().map(d -> ((JsonObject) d).getString("date")).toList())
                .containsExactly("2024-07-01", "2024-07-02", "2024-07-03", "2024-07-05", "2024-07-08");
        assertThat(july.getJsonObject(0).getString("open")).isEqualTo("09:30");
        assertThat(july.getJsonObject(0).getString("close")).isEqualTo("16:00");
        assertThat(july.getJsonObject(0).getString("settlement_date")).isEqualTo("2024-07-02");
        assertThat(july.getJsonObject(2).getString("close")).isEqualTo("13:00");
        // before T+1 (2024-05-28) settlement was T+2; Monday 2024-05-27 was Memorial Day
        JsonArray may = http.get("/v2/calendar?start=2024-05-24&end=2024-05-24", node.viewer).array();
        assertThat(may.getJsonObject(0).getString("settlement_date")).isEqualTo("2024-05-29");
        assertField(http.get("/v2/calendar?start=2024-13-01", node.viewer), "start");
    }

    @Test
    void assetsListConfiguredAndTradedInstruments() {
        JsonArray assets = http.get("/v2/assets", node.viewer).array();
        assertThat(assets.stream().map(a -> ((JsonObject) a).getString("symbol")).toList())
                .containsExactly("AAPL", "BTC/USD");
        JsonObject aapl = http.get("/v2/assets/AAPL", node.viewer).json();
        assertThat(aapl.getString("name")).isEqualTo("Apple Inc.");
        assertThat(aapl.getString("exchange")).isEqualTo("NASDAQ");
        assertThat(aapl.getString("class")).isEqualTo("us_equity");
        assertThat(aapl.getBoolean("tradable")).isTrue();
        assertThat(http.get("/v2/assets/BTCUSD", node.viewer).json().getString("class")).isEqualTo("crypto");
        assertThat(http.get("/v2/assets?asset_class=crypto", node.viewer).array()).hasSize(1);
    }
}
