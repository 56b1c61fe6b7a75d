package io.amcp.broker.alpaca.internal;

import static io.amcp.datasource.alpaca.FakeAlpacaServer.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Map;
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

        FakeAlpacaServer.Request orders = server.requests("/v2/orders").get(0);
        assertThat(orders.query()).containsEntry("status", "all").containsEntry("nested", "true")
                .containsEntry("after", "2021-03-09T20:15:00Z"); // seven days before NOW
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
