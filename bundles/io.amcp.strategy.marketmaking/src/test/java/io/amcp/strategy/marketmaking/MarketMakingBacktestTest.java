package io.amcp.strategy.marketmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.RoundTripTracker;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The market maker on quotes built from the first 20,000 real Bitstamp BTC/USD trades of 2013-11-25
 * (ta4j-examples, through {@link BundledDatasets#bitstampTrades()}), replayed with
 * {@link BacktestEngine#runQuotes}.
 *
 * <p>Spread model (an assumption, not measured): every trade at price p becomes a quote with bid
 * {@code p - 0.50} and ask {@code p + 0.50} USD, the trade's amount displayed on both sides. So our bid
 * fills when a later trade prints at least 0.50 below it, our ask when one prints 0.50 above it.
 */
class MarketMakingBacktestTest {

    private static final InstrumentId BTC = InstrumentId.of("BTC/USD");
    private static final long HALF_SPREAD = FixedPoint.fromDouble(0.50);
    private static final List<Quote> QUOTES = quotes();

    private static List<Quote> quotes() {
        List<TradeTick> trades = new BundledDatasets().bitstampTrades();
        List<Quote> out = new ArrayList<>();
        for (TradeTick t : trades.subList(0, 20_000)) {
            out.add(new Quote(BTC, t.time(), t.price() - HALF_SPREAD, t.price() + HALF_SPREAD, t.size(), t.size()));
        }
        return out;
    }

    private static final Quantity MAX_INVENTORY = Quantity.of(1);

    private static BacktestRun run() {
        // half-spread 2 USD, gamma 0.1, sigma 1 USD/sqrt(s), T 10 s: skew 1 USD per BTC held;
        // 0.1 BTC a side, at most 1 BTC either way, re-quote on a 0.25 USD move, cent ticks
        MarketMakingStrategy strategy = new MarketMakingStrategy(StrategyId.of("mm"), BTC,
                new MarketMakingStrategy.Parameters(Price.of("2"), 0.1, 1.0, 10, Quantity.of("0.1"), MAX_INVENTORY,
                        Price.of("0.25"), Price.of("0.01")));
        return new BacktestEngine(Money.of("100000"), 1.0, List.of()).runQuotes(List.of(Instrument.crypto("BTC/USD")),
                QUOTES, strategy, (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS));
    }

    /** Independent of the strategy: bookkeeping identities a hand calculation over the fills must meet. */
    @Test
    void inventoryStaysWithinTheLimitAndEquityIsCashPlusInventoryAtTheLastMid() {
        BacktestRun run = run();
        assertThat(run.fills()).isNotEmpty();
        double cash = 100_000;
        long inventory = 0;
        for (OrderFilled f : run.fills()) {
            long signed = f.side() == Side.BUY ? f.quantity().raw() : -f.quantity().raw();
            inventory += signed;
            cash -= FixedPoint.toDouble(signed) * f.price().toDouble();
            assertThat(Math.abs(inventory)).isLessThanOrEqualTo(MAX_INVENTORY.raw());
            // fills happen at quote prices (a buy at the ask p + 0.50, a sell at the bid p - 0.50), whole cents
            assertThat(f.price().raw() % FixedPoint.fromDouble(0.01)).isZero();
        }
        Quote last = QUOTES.get(QUOTES.size() - 1);
        double expected = cash + FixedPoint.toDouble(inventory) * FixedPoint.toDouble(last.mid());
        assertThat(run.finalAccount().equity().toDouble()).isCloseTo(expected, within(1e-6));
        assertThat(run.kernelErrors()).isZero();
    }

    /**
     * Regression pins (LEAN style): what this strategy produced on this data and spread model when it
     * was written (frictionless, 100,000 starting cash; metrics on the per-second equity samples with 365
     * x 86,400 periods a year). Not independently derived; the test above checks the bookkeeping. A
     * change here must be explained in review.
     */
    @Test
    void regressionStatisticsArePinned() {
        BacktestRun run = run();
        PerformanceMetrics m = PerformanceMetrics.calculator(EquityCurve.of(run.equityTimes(), run.equity()))
                .trades(RoundTripTracker.pair(run.fills())).periodsPerYear(365 * 86_400.0)
                .invested(run.invested()).calculate();
        assertThat(run.fills()).hasSize(1820);
        assertThat(m.tradeCount()).isEqualTo(1817);
        assertThat(run.finalAccount().equity().toDouble()).isCloseTo(100178.68, within(0.005));
        assertThat(m.sharpe()).isCloseTo(77.252773609, within(1e-6));
        assertThat(m.maxDrawdown()).isCloseTo(-0.000167806, within(1e-6));
    }
}
