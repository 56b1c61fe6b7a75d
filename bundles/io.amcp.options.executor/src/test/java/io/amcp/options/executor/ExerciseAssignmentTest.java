package io.amcp.options.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.options.OptionType;
import io.amcp.options.OptionValuation;
import io.amcp.options.chain.ChainQuote;
import io.amcp.options.chain.OptionChain;
import io.amcp.options.chain.OptionContract;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Structures held to expiry and settled through a real kernel, ledger and frictionless paper
 * exchange: the structure is opened at the 2013-03-14 close and expires at the 2013-03-15 close. Every
 * option is quoted with bid = ask so each fill price is known in advance, and the expected cash and
 * positions are computed by hand from the OCC rules (exercise or assignment at the strike), written
 * out in each test. Account: $1,000,000, multiplier 100.
 */
class ExerciseAssignmentTest {

    private static final InstrumentId XYZ = InstrumentId.of("XYZ");
    private static final LocalDate OPEN = LocalDate.of(2013, 3, 14);
    private static final LocalDate EXPIRY = LocalDate.of(2013, 3, 15);
    private static final Money START = Money.of("1000000");
    private static final ExitRules PHYSICAL = ExitRules.of(0, 0, -1, -1, 1.0, ExpirySettlement.PHYSICAL);

    private static OptionContract call(double strike) {
        return OptionContract.of(XYZ, EXPIRY, OptionType.CALL, strike);
    }

    private static OptionContract put(double strike) {
        return OptionContract.of(XYZ, EXPIRY, OptionType.PUT, strike);
    }

    /** One trading day: the underlying's close and each series' price (bid = ask). */
    private record Day(LocalDate date, double spot, Map<OptionContract, Double> prices) {

        OptionChain chain() {
            List<ChainQuote> quotes = new ArrayList<>();
            prices.forEach((c, p) -> quotes.add(new ChainQuote(c, 0.3, OptionValuation.of(p, 0, 0, 0, 0, 0), p, p)));
            return new OptionChain(XYZ, date, spot, quotes);
        }

        long closeNanos() {
            var close = NyseCalendar.INSTANCE.sessionClose(date);
            return close.getEpochSecond() * 1_000_000_000L + close.getNano();
        }
    }

    /** The opening day's prices and the expiration day's settlement quotes (intrinsic value, 0.01 at least). */
    private static List<Day> days(double openSpot, double expirySpot, Map<OptionContract, Double> openPrices) {
        Map<OptionContract, Double> settle = new LinkedHashMap<>();
        openPrices.keySet().forEach(c -> settle.put(c, Math.max(0.01, Math.round(c.intrinsic(expirySpot) * 100) / 100.0)));
        return List.of(new Day(OPEN, openSpot, openPrices), new Day(EXPIRY, expirySpot, settle));
    }

    /** Opens {@code structure} on the first day and lets the executor manage it on every underlying close. */
    private static final class HoldToExpiry implements Strategy {
        private final List<Day> days;
        private final OptionStructure structure;
        private final int quantity;
        private final ExitRules rules;
        private OptionsExecutor executor;
        private int seen;

        HoldToExpiry(List<Day> days, OptionStructure structure, int quantity, ExitRules rules) {
            this.days = days;
            this.structure = structure;
            this.quantity = quantity;
            this.rules = rules;
        }

        @Override
        public StrategyId id() {
            return StrategyId.of("hold");
        }

        @Override
        public void onStart(StrategyContext context) {
            executor = new OptionsExecutor(context, rules);
            context.subscribe(XYZ);
        }

        @Override
        public void onQuote(Quote quote) {
            // act once a day, on the underlying's print one second before the close
            if (!quote.instrument().equals(XYZ) || seen >= days.size()
                    || quote.time() != days.get(seen).closeNanos() - 1_000_000_000L) {
                return;
            }
            OptionChain chain = days.get(seen++).chain();
            executor.manage(chain);
            if (seen == 1) {
                executor.open(structure, quantity, chain);
            }
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
            executor.onOrderEvent(event);
        }
    }

    /** The underlying's close at close - 1s and again at the close, then the options at the close (as ChainReplay). */
    private static BacktestRun run(HoldToExpiry strategy) {
        List<Quote> quotes = new ArrayList<>();
        List<Instrument> instruments = new ArrayList<>(List.of(Instrument.equity("XYZ")));
        strategy.structure.legs().forEach(l -> instruments.add(l.contract().instrument()));
        for (Day d : strategy.days) {
            long spot = FixedPoint.fromDouble(d.spot());
            quotes.add(new Quote(XYZ, d.closeNanos() - 1_000_000_000L, spot, spot, 0, 0));
            quotes.add(new Quote(XYZ, d.closeNanos(), spot, spot, 0, 0));
            d.prices().forEach((c, p) -> quotes.add(new Quote(c.id(), d.closeNanos(), FixedPoint.fromDouble(p),
                    FixedPoint.fromDouble(p), 0, 0)));
        }
        BacktestRun run = new BacktestEngine(START, 1.0, List.of()).runQuotes(instruments, quotes, strategy,
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS));
        assertThat(run.kernelErrors()).isZero();
        assertThat(strategy.executor.isFlat()).isTrue();
        return run;
    }

    private static Optional<PositionView> position(BacktestRun run, InstrumentId id) {
        return run.openPositions().stream().filter(p -> p.instrument().equals(id) && !p.isFlat()).findFirst();
    }

    private static long underlyingFills(BacktestRun run) {
        return run.fills().stream().filter(f -> f.instrument().equals(XYZ)).count();
    }

    @Test
    void aLongInTheMoneyCallIsExercisedIntoSharesAtTheStrike() {
        OptionContract c95 = call(95);
        HoldToExpiry s = new HoldToExpiry(days(100, 103, Map.of(c95, 6.00)),
                OptionStructure.of("long-call", List.of(StructureLeg.of(c95, Side.BUY))), 2, PHYSICAL);
        BacktestRun run = run(s);
        // OCC: pay 2 x 100 x 6.00 = 1,200 premium; exercise buys 200 shares at 95 = 19,000.
        // cash 1,000,000 - 1,200 - 19,000 = 979,800; 200 XYZ worth 200 x 103 = 20,600; equity 1,000,400
        assertThat(run.finalAccount().cash()).isEqualTo(Money.of("979800"));
        assertThat(run.finalAccount().equity()).isEqualTo(Money.of("1000400"));
        assertThat(position(run, XYZ).orElseThrow().quantity()).isEqualTo(Quantity.of(200));
        assertThat(position(run, c95.id())).isEmpty();
        StructureView v = s.executor.closed().get(0);
        assertThat(v.exitReason()).isEqualTo(ExitReason.EXERCISE_ASSIGNMENT);
        assertThat(v.deliveredShares()).isEqualTo(200);
    }

    @Test
    void aShortInTheMoneyPutIsAssigned() {
        OptionContract p100 = put(100);
        HoldToExpiry s = new HoldToExpiry(days(101, 96.50, Map.of(p100, 3.00)),
                OptionStructure.of("short-put", List.of(StructureLeg.of(p100, Side.SELL))), 1, PHYSICAL);
        BacktestRun run = run(s);
        // OCC: receive 100 x 3.00 = 300; assignment buys 100 shares at 100 = 10,000.
        // cash 1,000,000 + 300 - 10,000 = 990,300; 100 XYZ worth 9,650; equity 999,950
        assertThat(run.finalAccount().cash()).isEqualTo(Money.of("990300"));
        assertThat(run.finalAccount().equity()).isEqualTo(Money.of("999950"));
        assertThat(position(run, XYZ).orElseThrow().quantity()).isEqualTo(Quantity.of(100));
        assertThat(position(run, p100.id())).isEmpty();
        assertThat(s.executor.closed().get(0).deliveredShares()).isEqualTo(100);
    }

    @Test
    void anOutOfTheMoneyLegExpiresWithoutDelivery() {
        OptionContract p90 = put(90);
        HoldToExpiry s = new HoldToExpiry(days(100, 103, Map.of(p90, 1.20)),
                OptionStructure.of("long-put", List.of(StructureLeg.of(p90, Side.BUY))), 1, PHYSICAL);
        BacktestRun run = run(s);
        // OCC: pay 120 premium, the put expires worthless: cash 999,880. The ledger cannot book a trade
        // at 0, so the put closes at the minimum quote 0.01: + 1, cash 999,881 (documented)
        assertThat(run.finalAccount().cash()).isEqualTo(Money.of("999881"));
        assertThat(underlyingFills(run)).isZero();
        assertThat(run.openPositions().stream().filter(p -> !p.isFlat())).isEmpty();
        assertThat(s.executor.closed().get(0).deliveredShares()).isZero();
    }

    @Test
    void aVerticalSpreadWithBothLegsInTheMoneyNetsToTheStrikeDifference() {
        OptionContract c95 = call(95);
        OptionContract c100 = call(100);
        HoldToExpiry s = new HoldToExpiry(days(100, 104, Map.of(c95, 6.00, c100, 3.00)),
                OptionStructure.of("bull-call-spread", List.of(StructureLeg.of(c95, Side.BUY), StructureLeg.of(c100, Side.SELL))),
                1, PHYSICAL);
        BacktestRun run = run(s);
        // OCC: debit 600 - 300 = 300; exercise buys 100 at 95, assignment sells 100 at 100: + 500 net,
        // no shares. cash 1,000,000 - 300 + 500 = 1,000,200
        assertThat(run.finalAccount().cash()).isEqualTo(Money.of("1000200"));
        assertThat(run.finalAccount().equity()).isEqualTo(Money.of("1000200"));
        assertThat(underlyingFills(run)).isZero();
        assertThat(run.openPositions().stream().filter(p -> !p.isFlat())).isEmpty();
    }

    private static final OptionContract LP = put(90);
    private static final OptionContract SP = put(95);
    private static final OptionContract SC = call(105);
    private static final OptionContract LC = call(110);
    private static final OptionStructure CONDOR = OptionStructure.of("iron-condor", List.of(StructureLeg.of(LP, Side.BUY),
            StructureLeg.of(SP, Side.SELL), StructureLeg.of(SC, Side.SELL), StructureLeg.of(LC, Side.BUY)));

    private static List<Day> condorDays() {
        Map<OptionContract, Double> open = new LinkedHashMap<>();
        open.put(LP, 1.00);
        open.put(SP, 2.00);
        open.put(SC, 2.00);
        open.put(LC, 1.00);
        return days(100, 93, open);
    }

    @Test
    void anIronCondorWithThePutWingInTheMoneyIsAssignedOnTheShortPutOnly() {
        HoldToExpiry s = new HoldToExpiry(condorDays(), CONDOR, 1, PHYSICAL);
        BacktestRun run = run(s);
        // credit 2.00 + 2.00 - 1.00 - 1.00 = 2.00 -> + 200. At 93 only the 95 put is in the money:
        // OCC assignment buys 100 at 95 = 9,500; the 90 put and both calls expire worthless.
        // OCC cash: 1,000,000 + 200 - 9,500 = 990,700. Booked: the three worthless legs close at 0.01
        // (long 90 put sold + 1, short 105 call bought - 1, long 110 call sold + 1): 990,701.
        assertThat(run.finalAccount().cash()).isEqualTo(Money.of("990701"));
        assertThat(run.finalAccount().equity()).isEqualTo(Money.of("1000001"));
        assertThat(position(run, XYZ).orElseThrow().quantity()).isEqualTo(Quantity.of(100));
        assertThat(run.openPositions().stream().filter(p -> !p.isFlat())).hasSize(1);
        assertThat(underlyingFills(run)).isEqualTo(1);
        StructureView v = s.executor.closed().get(0);
        assertThat(v.deliveredShares()).isEqualTo(100);
        assertThat(v.deliveryCost()).isEqualTo(9_300.0);
    }

    @Test
    void cashSettlementStaysAvailableForIndexOptions() {
        HoldToExpiry s = new HoldToExpiry(condorDays(), CONDOR, 1, PHYSICAL.withSettlement(ExpirySettlement.CASH));
        BacktestRun run = run(s);
        // credit + 200; the 95 put settles at 95 - 93 = 2.00 in cash: - 200; the others at 0.01 as above: + 1
        assertThat(run.finalAccount().cash()).isEqualTo(Money.of("1000001"));
        assertThat(underlyingFills(run)).isZero();
        assertThat(run.openPositions().stream().filter(p -> !p.isFlat())).isEmpty();
        assertThat(s.executor.closed().get(0).exitReason()).isEqualTo(ExitReason.EXPIRY_SETTLEMENT);
    }
}
