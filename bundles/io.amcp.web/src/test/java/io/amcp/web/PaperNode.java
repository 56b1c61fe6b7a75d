package io.amcp.web;

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
import io.amcp.core.risk.BuyingPowerRule;
import java.time.Instant;

/**
 * A real kernel on its own thread with a frictionless paper exchange, the buying-power rule, a
 * simulated clock and an {@link AlpacaApiServer} on 127.0.0.1 with a random free port, wired the way
 * the platform wires them (the server hears order events through a kernel listener).
 */
final class PaperNode implements AutoCloseable {

    /** Monday 2024-03-04 10:00 New York (EST, UTC-5): a regular session. */
    static final Instant START = Instant.parse("2024-03-04T15:00:00Z");
    static final InstrumentId AAPL = InstrumentId.of("AAPL");

    final SimulatedClock clock = new SimulatedClock(START.getEpochSecond() * 1_000_000_000L);
    final Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("100000"), 1.0);
    final ApiKeyStore keys = new ApiKeyStore(1_000);
    final ApiKeyStore.Credentials trader = keys.issue(Role.TRADER);
    final ApiKeyStore.Credentials viewer = keys.issue(Role.VIEWER);
    final AlpacaApiServer server;
    final String baseUrl;

    PaperNode(AlpacaApiSettings settings) {
        kernel.addRiskRule(new BuyingPowerRule());
        kernel.registerInstrument(Instrument.equity("AAPL"));
        PaperExchange exchange = new PaperExchange(clock, PaperSettings.FRICTIONLESS, kernel::instrument);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);
        server = new AlpacaApiServer(kernel, keys, clock, settings);
        kernel.addListener(new KernelListener() {
            @Override
            public void onOrderEvent(OrderEvent event) {
                server.onOrderEvent(event, kernel.order(event.clientOrderId()));
            }
        });
        kernel.addMarketDataSink(server);
        kernel.start("kernel-test");
        int port = server.start("127.0.0.1", 0);
        baseUrl = "http://127.0.0.1:" + port;
    }

    PaperNode() {
        this(AlpacaApiSettings.defaults().withRateLimit(100_000, 100_000));
    }

    /** Feeds a one-minute AAPL bar ending {@code minutes} after {@link #START} and waits until it is processed. */
    void bar(int minutes, double open, double high, double low, double close) {
        long end = (START.getEpochSecond() + minutes * 60L) * 1_000_000_000L;
        kernel.post(Bar.of(AAPL, end, open, high, low, close, 1_000_000));
        kernel.call(() -> null);
    }

    @Override
    public void close() {
        server.stop();
        kernel.stop();
    }
}
