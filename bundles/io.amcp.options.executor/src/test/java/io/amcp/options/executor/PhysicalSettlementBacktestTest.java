package io.amcp.options.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.options.OptionType;
import io.amcp.options.chain.ChainReplay;
import io.amcp.options.chain.ChainSpec;
import io.amcp.options.chain.ChainSynthesizer;
import io.amcp.options.chain.OptionChain;
import io.amcp.options.chain.OptionContract;
import io.amcp.options.chain.RealizedVolatility;
import io.amcp.options.chain.SyntheticVolModel;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 25-delta iron condors with 20-point wings on real AAPL 2013 closes with synthetic chains
 * ({@link ChainReplay}), each held to expiry and settled physically through the kernel and the paper exchange. The expected shares and
 * cash are recomputed from the OCC rules alone: each expiring leg whose intrinsic value at that day's
 * AAPL close is at least $0.01 delivers 100 shares per contract at its strike.
 */
class PhysicalSettlementBacktestTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final double START = 10_000_000;

    /** Sells a condor whenever flat in options and holds it to expiry; keeps whatever shares it is delivered. */
    private static final class CondorToExpiry implements Strategy {
        private final ChainSynthesizer synthesizer = new ChainSynthesizer(ChainSpec.standard());
        private final SyntheticVolModel model = SyntheticVolModel.standard();
        private final RealizedVolatility vol = model.newEstimator();
        private OptionsExecutor executor;
        private LocalDate last;

        @Override
        public StrategyId id() {
            return StrategyId.of("condor");
        }

        @Override
        public void onStart(StrategyContext context) {
            executor = new OptionsExecutor(context, ExitRules.of(0, 0, -1, -1, 1.0, ExpirySettlement.PHYSICAL));
            context.subscribe(AAPL);
        }

        @Override
        public void onQuote(Quote quote) {
            LocalDate date = NyseCalendar.INSTANCE.dateOf(quote.time());
            if (!quote.instrument().equals(AAPL) || date.equals(last)) {
                return;
            }
            last = date;
            double spot = FixedPoint.toDouble(quote.mid());
            vol.add(spot);
            if (!vol.isReady()) {
                return;
            }
            OptionChain chain = synthesizer.chain(AAPL, date, spot, model.surface(vol.value()), executor.heldContracts());
            executor.manage(chain);
            if (executor.isFlat()) {
                ContractSelector.ironCondor(chain, 30, 0.25, 20).ifPresent(c -> executor.open(c, 1, chain));
            }
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
            executor.onOrderEvent(event);
        }
    }

    @Test
    void deliveriesAndCashMatchExerciseAndAssignmentAtTheStrike() {
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        Map<LocalDate, Double> closes = new HashMap<>();
        for (int i = 0; i < aapl.size(); i++) {
            closes.put(NyseCalendar.INSTANCE.dateOf(aapl.time()[i]), FixedPoint.toDouble(aapl.close()[i]));
        }
        ChainReplay replay = ChainReplay.of(aapl, new ChainSynthesizer(ChainSpec.standard()), SyntheticVolModel.standard());
        CondorToExpiry strategy = new CondorToExpiry();
        BacktestRun run = new BacktestEngine(Money.of("10000000"), 1.0, List.of()).runQuotes(
                replay.instruments(), replay.quotes(), strategy, (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS));
        assertThat(run.kernelErrors()).isZero();

        // OCC: premiums of every option trade except the expiring in-the-money legs, which instead
        // deliver 100 shares per contract at the strike (+ long call / short put, - short call / long put)
        double cash = START;
        long shares = 0;
        int exercised = 0;
        for (OrderFilled f : run.fills()) {
            long qty = Math.round(f.quantity().toDouble());
            int sign = f.side() == Side.BUY ? 1 : -1;
            if (f.instrument().equals(AAPL)) {
                // the delivery trade is booked at that day's close
                assertThat(f.price().toDouble()).isEqualTo(closes.get(NyseCalendar.INSTANCE.dateOf(f.time())));
                continue;
            }
            OptionContract c = OptionContract.parse(f.instrument());
            LocalDate date = NyseCalendar.INSTANCE.dateOf(f.time());
            if (date.equals(c.expiry()) && c.intrinsic(closes.get(date)) >= 0.01) {
                // closing an expiring ITM leg: the position held was the opposite of this fill
                long held = -sign * qty;
                long delivered = held * (c.type() == OptionType.CALL ? 1 : -1) * 100;
                shares += delivered;
                cash -= delivered * c.strike();
                exercised++;
            } else {
                cash -= sign * f.price().toDouble() * qty * 100;
            }
        }
        assertThat(exercised).isPositive();
        long aaplHeld = run.openPositions().stream().filter(p -> p.instrument().equals(AAPL))
                .mapToLong(p -> Math.round(p.quantity().toDouble())).sum();
        assertThat(aaplHeld).isEqualTo(shares);
        // some condors were assigned on the put side (shares received), some on the call side (delivered)
        assertThat(strategy.executor.closed()).anyMatch(v -> v.deliveredShares() > 0).anyMatch(v -> v.deliveredShares() < 0);
        assertThat(run.finalAccount().cash().toDouble()).isCloseTo(cash, within(1e-6));
        // the last condor, opened in December, is still open at the end of the data
        assertThat(strategy.executor.closed()).hasSizeGreaterThan(5).allMatch(v -> v.exitReason() == ExitReason.EXERCISE_ASSIGNMENT);
        assertThat(strategy.executor.closed().stream().mapToLong(StructureView::deliveredShares).sum()).isEqualTo(shares);
    }
}
