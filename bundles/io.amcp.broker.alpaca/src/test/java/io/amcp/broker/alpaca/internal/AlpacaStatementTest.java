package io.amcp.broker.alpaca.internal;

import static io.amcp.datasource.alpaca.FakeAlpacaServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.api.spi.BrokerStatement.OrderState;
import io.amcp.api.spi.Clock;
import io.amcp.broker.alpaca.AlpacaTrading;
import io.amcp.datasource.alpaca.AlpacaApiException;
import io.amcp.datasource.alpaca.AlpacaCredentials;
import io.amcp.datasource.alpaca.AlpacaHttp;
import io.amcp.datasource.alpaca.Backoff;
import io.amcp.datasource.alpaca.FakeAlpacaServer;
import io.amcp.datasource.alpaca.FakeAlpacaServer.Response;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Alpaca broker's statement read from a local server answering {@code /v2/account},
 * {@code /v2/positions} and {@code /v2/orders} with recorded payloads (see resources/alpaca/README.md);
 * expected values are those payloads' own fields.
 */
class AlpacaStatementTest {

    private static final Instant NOW = Instant.parse("2021-03-16T20:15:00Z");
    /** Alpaca's statuses that {@code status=closed} lists; the others are {@code status=open}. */
    private static final Set<String> CLOSED = Set.of("filled", "canceled", "expired", "rejected", "replaced");
    private FakeAlpacaServer server;
    private AlpacaBroker broker;

    @BeforeEach
    void start() {
        server = new FakeAlpacaServer();
        server.route("GET", "/v2/account", r -> Response.ok(resource("account.json")));
        server.route("GET", "/v2/positions", r -> Response.ok(resource("positions.json")));
        // the filled limit order lim-1 and the accepted bracket br-1 with its two held legs
        String filled = resource("orders-after-reconnect.json").trim();
        String bracket = resource("order-bracket-accepted.json").trim();
        server.route("GET", "/v2/orders", r -> Response.ok(filled.substring(0, filled.length() - 1) + "," + bracket + "]"));
        AlpacaHttp http = new AlpacaHttp(HttpClient.newHttpClient(), server.http(),
                AlpacaCredentials.of("PKTEST1234", "s3cr3t-value"), 2, wait -> { }, java.time.Clock.fixed(NOW, ZoneOffset.UTC));
        broker = new AlpacaBroker(new AlpacaTrading(http), server.ws("/stream"),
                Backoff.of(Duration.ofMillis(20), Duration.ofMillis(200)), () -> Clock.toNanos(NOW));
    }

    @AfterEach
    void stop() {
        broker.close();
        server.close();
    }

    @Test
    void statementHoldsAlpacasCashPositionsAndOrdersByClientOrderId() {
        BrokerStatement st = broker.statement();

        assertThat(st.brokerId()).isEqualTo("alpaca");
        assertThat(st.cash()).isEqualTo(Money.of("-23140.2")); // account.json "cash"
        // positions.json: AAPL long 100, TSLA short 5 ("qty":"-5","side":"short")
        assertThat(st.positions()).isEqualTo(Map.of(InstrumentId.of("AAPL"), Quantity.of(100),
                InstrumentId.of("TSLA"), Quantity.of(-5)));
        // lim-1 "status":"filled","filled_qty":"100"; br-1 "accepted" with a "limit" and a "stop" leg, both "held"
        assertThat(st.orders()).containsExactlyInAnyOrderEntriesOf(Map.of(
                ClientOrderId.of("lim-1"), OrderState.of(OrderStatus.FILLED, Quantity.of(100)),
                ClientOrderId.of("br-1"), OrderState.of(OrderStatus.ACCEPTED, Quantity.ZERO),
                ClientOrderId.of("br-1-tp"), OrderState.of(OrderStatus.HELD, Quantity.ZERO),
                ClientOrderId.of("br-1-sl"), OrderState.of(OrderStatus.HELD, Quantity.ZERO)));
    }

    @Test
    void statementListsTheDaysOrdersAndThoseStillOpen() {
        List<ObjectNode> recorded = recorded("orders-day-horizon.json");
        server.route("GET", "/v2/orders", r -> Response.ok(alpacaOrders(recorded, r)));

        BrokerStatement st = broker.statement();

        // NOW is 16:15 in New York (EDT): the day starts at 2021-03-16T04:00:00Z
        assertThat(st.orders()).containsExactlyInAnyOrderEntriesOf(Map.of(
                // GTC order of February, still "new": only status=open finds it
                ClientOrderId.of("gtc-old"), OrderState.of(OrderStatus.ACCEPTED, Quantity.ZERO),
                // submitted on the 12th, filled today at 14:30Z
                ClientOrderId.of("gtc-fill-today"), OrderState.of(OrderStatus.FILLED, Quantity.of(10)),
                // br-0's entry filled yesterday and is left out; its legs ended today
                ClientOrderId.of("br-0-tp"), OrderState.of(OrderStatus.FILLED, Quantity.of(100)),
                ClientOrderId.of("br-0-sl"), OrderState.of(OrderStatus.CANCELED, Quantity.ZERO),
                ClientOrderId.of("lim-1"), OrderState.of(OrderStatus.FILLED, Quantity.of(100)),
                ClientOrderId.of("br-1"), OrderState.of(OrderStatus.ACCEPTED, Quantity.ZERO),
                ClientOrderId.of("br-1-tp"), OrderState.of(OrderStatus.HELD, Quantity.ZERO),
                ClientOrderId.of("br-1-sl"), OrderState.of(OrderStatus.HELD, Quantity.ZERO)));
        // day-mon was submitted and filled yesterday: not listed
        assertThat(st.orders()).doesNotContainKey(ClientOrderId.of("day-mon"));

        List<FakeAlpacaServer.Request> asked = server.requests("/v2/orders");
        assertThat(asked).extracting(FakeAlpacaServer.Request::query).containsExactly(
                Map.of("status", "open", "nested", "true", "direction", "asc", "limit", "500"),
                // seven days before the day's start
                Map.of("status", "all", "nested", "true", "direction", "asc", "limit", "500",
                        "after", "2021-03-09T04:00:00Z"));
    }

    @Test
    void pagesOfFiveHundredFollowSubmissionTimesSharedAcrossAPageBoundary() {
        List<ObjectNode> recorded = recorded("orders-day-horizon.json");
        // 498 day orders filled today, inserted before lim-1: with gtc-fill-today, day-mon and br-0 the
        // first status=all page ends at the 497th, which shares its submitted_at with the 498th
        ObjectNode template = recorded.stream().filter(o -> o.path("client_order_id").asText().equals("lim-1"))
                .findFirst().orElseThrow();
        List<ObjectNode> orders = new ArrayList<>(recorded.subList(0, recorded.size() - 2));
        Instant first = Instant.parse("2021-03-16T14:00:00Z");
        for (int i = 1; i <= 498; i++) {
            Instant submitted = first.plusMillis(Math.min(i, 497));
            orders.add(template.deepCopy().put("id", String.format("5e0d1c2b-0000-4000-8000-%012d", i))
                    .put("client_order_id", "fill-" + i).put("submitted_at", submitted.toString())
                    .put("created_at", submitted.toString()).put("updated_at", submitted.plusSeconds(1).toString()));
        }
        orders.addAll(recorded.subList(recorded.size() - 2, recorded.size()));
        server.route("GET", "/v2/orders", r -> Response.ok(alpacaOrders(orders, r)));

        BrokerStatement st = broker.statement();

        assertThat(st.orders()).containsKeys(ClientOrderId.of("fill-1"), ClientOrderId.of("fill-497"),
                ClientOrderId.of("fill-498"), ClientOrderId.of("lim-1"), ClientOrderId.of("br-1"));
        // 8 orders of the horizon test + 498
        assertThat(st.orders()).hasSize(8 + 498);
        List<Map<String, String>> all = server.requests("/v2/orders").stream().map(FakeAlpacaServer.Request::query)
                .filter(q -> q.get("status").equals("all")).toList();
        // the second page starts a microsecond before fill-497's submitted_at (14:00:00.497)
        assertThat(all).extracting(q -> q.get("after")).containsExactly("2021-03-09T04:00:00Z",
                "2021-03-16T14:00:00.496999Z");
    }

    private static List<ObjectNode> recorded(String name) {
        List<ObjectNode> out = new ArrayList<>();
        try {
            AlpacaHttp.json().readTree(resource(name)).forEach(o -> out.add((ObjectNode) o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name, e);
        }
        return out;
    }

    /**
     * {@code GET /v2/orders} as Alpaca documents it: {@code status} open/closed/all, {@code after}
     * exclusive on {@code submitted_at}, ascending submission order, at most {@code limit} orders.
     */
    private static String alpacaOrders(List<ObjectNode> orders, FakeAlpacaServer.Request r) {
        String status = r.query().get("status");
        Instant after = r.query().containsKey("after") ? Instant.parse(r.query().get("after")) : Instant.MIN;
        ArrayNode page = AlpacaHttp.json().createArrayNode();
        orders.stream()
                .filter(o -> Instant.parse(o.path("submitted_at").asText()).isAfter(after))
                .filter(o -> status.equals("all") || status.equals("open") == !CLOSED.contains(o.path("status").asText()))
                .sorted(Comparator.comparing(o -> Instant.parse(o.path("submitted_at").asText())))
                .limit(Integer.parseInt(r.query().get("limit")))
                .forEach(page::add);
        return page.toString();
    }

    @Test
    void refusedKeysSurfaceAsAlpacasError() {
        // Alpaca answers a bad key pair with 401 {"code":40110000,"message":"request is not authorized"}
        server.route("GET", "/v2/account", r -> new Response(401, Map.of(),
                "{\"code\":40110000,\"message\":\"request is not authorized\"}"));
        assertThatThrownBy(broker::statement).isInstanceOf(AlpacaApiException.class)
                .satisfies(e -> assertThat(((AlpacaApiException) e).status()).isEqualTo(401));
    }
}
