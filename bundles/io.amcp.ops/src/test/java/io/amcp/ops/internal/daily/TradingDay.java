package io.amcp.ops.internal.daily;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.api.spi.BrokerStatementSource;
import io.amcp.api.spi.Clock;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.FileJournal;
import io.amcp.core.risk.BuyingPowerRule;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A real kernel and a durable paper exchange journaling under {@code state/journal/kernel.journal}
 * and {@code state/paper/exchange.journal} (the platform's layout under karaf.data), driven
 * synchronously on the test thread with a simulated clock.
 */
final class TradingDay implements AutoCloseable {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final InstrumentId AAPL = InstrumentId.of("AAPL");
    static final Money STARTING_CASH = Money.of("100000");

    final SimulatedClock clock;
    final FileJournal kernelJournal;
    final FileJournal exchangeJournal;
    final Kernel kernel;
    final PaperExchange exchange;

    TradingDay(Path state, LocalDateTime startNewYork) {
        clock = new SimulatedClock(Clock.toNanos(startNewYork.atZone(NEW_YORK).toInstant()));
        kernelJournal = new FileJournal(state.resolve("journal/kernel.journal"), false);
        exchangeJournal = new FileJournal(state.resolve("paper/exchange.journal"), false);
        kernel = new Kernel(clock, kernelJournal, STARTING_CASH, 1.0);
        kernel.recover();
        kernel.addRiskRule(new BuyingPowerRule());
        kernel.registerInstrument(Instrument.equity("AAPL"));
        exchange = new PaperExchange("paper", clock, PaperSettings.FRICTIONLESS, kernel::instrument, exchangeJournal);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);
    }

    static Instant ny(LocalDateTime t) {
        return t.atZone(NEW_YORK).toInstant();
    }

    void advanceTo(LocalDateTime newYork) {
        clock.advanceTo(Clock.toNanos(ny(newYork)));
    }

    /** A one-minute AAPL bar ending at {@code newYork}. */
    void bar(LocalDateTime newYork, double open, double high, double low, double close) {
        kernel.post(Bar.of(AAPL, Clock.toNanos(ny(newYork)), open, high, low, close, 1_000_000));
    }

    /** The paper exchange's own statement of the day (its venue state), as its broker component registers it. */
    BrokerStatementSource statements() {
        return new BrokerStatementSource() {
            @Override
            public String brokerId() {
                return exchange.id();
            }

            @Override
            public BrokerStatement statement() {
                return exchange.statementOfTheDay(STARTING_CASH);
            }
        };
    }

    static Quantity qty(long units) {
        return Quantity.of(units);
    }

    @Override
    public void close() {
        kernel.stop();
        kernelJournal.close();
        exchangeJournal.close();
    }
}
