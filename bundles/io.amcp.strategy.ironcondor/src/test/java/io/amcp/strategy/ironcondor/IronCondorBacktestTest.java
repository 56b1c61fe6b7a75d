package io.amcp.strategy.ironcondor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.options.OptionType;
import io.amcp.options.chain.ChainReplay;
import io.amcp.options.chain.ChainSpec;
import io.amcp.options.chain.ChainSynthesizer;
import io.amcp.options.chain.OptionContract;
import io.amcp.options.chain.SyntheticVolModel;
import io.amcp.options.executor.ExitReason;
import io.amcp.options.executor.ExitRules;
import io.amcp.options.executor.StructureView;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The iron condor on real AAPL 2013 daily bars with synthetic chains (standard {@link ChainSpec} and
 * {@link SyntheticVolModel}), replayed through {@link BacktestEngine#runQuotes} against the paper
 * exchange.
 */
class IronCondorBacktestTest {

    private static final NormalDistribution N = new NormalDistribution();
    private static BarSeries aapl;
    private static ChainReplay replay;

    @BeforeAll
    static void load() {
        aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        replay = ChainReplay.of(aapl, new ChainSynthesizer(ChainSpec.standard()), SyntheticVolModel.standard());
    }

    private static IronCondorStrategy strategy(ExitRules rules) {
        return new IronCondorStrategy(StrategyId.of("ic"), InstrumentId.of("AAPL"), 1, 10, 0.03, 30, 0.16, 10, rules,
                ChainSpec.standard(), SyntheticVolModel.standard());
    }

    private static BacktestRun run(IronCondorStrategy strategy) {
        return new BacktestEngine(Money.of("100000"), 1.0, List.of()).runQuotes(replay.instruments(), replay.quotes(),
                strategy, (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS));
    }

    @Test
    void regressionPinsAndFirstCondorRecomputedFromTheFormulas() {
        IronCondorStrategy strategy = strategy(ExitRules.of(0.5, 2.0, -1, 5, 1.0));
        BacktestRun run = run(strategy);

        // LEAN-style regression pins: any change to chain synthesis, selection, execution or the
        // ledger shows up here and must be explained in review.
        assertThat(run.kernelErrors()).isZero();
        assertThat(strategy.entries()).isEqualTo(16);
        assertThat(run.fills()).hasSize(124);
        assertThat(run.finalAccount().realizedPnl()).isEqualTo(Money.of("1014"));
        assertThat(run.finalAccount().equity()).isEqualTo(Money.of("101021"));
        List<StructureView> closed = strategy.executor().closed();
        assertThat(closed).hasSize(15);
        assertThat(closed.stream().filter(v -> v.exitReason() == ExitReason.PROFIT_TARGET)).hasSize(11);
        assertThat(closed.stream().filter(v -> v.exitReason() == ExitReason.CLOSE_BEFORE_EXPIRY)).hasSize(4);

        // independent check of the first condor, opened at the 2013-02-15 close for the 2013-03-15 expiry
        List<OrderFilled> entry = run.fills().subList(0, 4);
        assertThat(entry).extracting(f -> f.instrument().value()).containsExactly("AAPL130315P00370000",
                "AAPL130315P00380000", "AAPL130315C00550000", "AAPL130315C00560000");
        int day = indexOf(LocalDate.of(2013, 2, 15));
        double spot = FixedPoint.toDouble(aapl.close()[day]);
        double realized20 = realized(day, 20);
        double atm30 = Math.max(0.15, 1.2 * realized20);
        double years = 28 / 365.0;
        // ATM term structure: 7 days at 1.1 x atm30, 30 days at atm30, linear in days: 28 days
        double atm28 = atm30 * (1.1 + (28 - 7) / 23.0 * (1.0 - 1.1));
        // short strikes: the |delta| nearest 0.16 on the 5-point grid, so each neighbour is farther away
        for (double k : new double[] {375, 385}) {
            assertThat(Math.abs(Math.abs(delta(OptionType.PUT, spot, k, years, atm28)) - 0.16))
                    .isGreaterThan(Math.abs(Math.abs(delta(OptionType.PUT, spot, 380, years, atm28)) - 0.16));
        }
        for (double k : new double[] {545, 555}) {
            assertThat(Math.abs(delta(OptionType.CALL, spot, k, years, atm28) - 0.16))
                    .isGreaterThan(Math.abs(delta(OptionType.CALL, spot, 550, years, atm28) - 0.16));
        }
        // each fill is the touch of a quote around the Black-Scholes value: buys at or above it, sells at
        // or below it, by at most half the documented spread plus a tick
        double credit = 0;
        for (OrderFilled f : entry) {
            OptionContract c = OptionContract.parse(f.instrument());
            double vol = vol(atm28, spot, c.strike());
            double theo = price(c.type(), spot, c.strike(), years, vol);
            double z = Math.abs(Math.log(c.strike() / spot)) / (vol * Math.sqrt(years));
            double halfSpread = theo * 0.03 * (1 + 0.5 * z) * (1 + 1 / 28.0) / 2;
            double edge = f.side() == Side.BUY ? f.price().toDouble() - theo : theo - f.price().toDouble();
            assertThat(edge).isBetween(0.0, halfSpread + 0.05);
            credit += (f.side() == Side.SELL ? 1 : -1) * f.price().toDouble();
        }
        assertThat(closed.get(0).entryPremium()).isCloseTo(credit, within(1e-9));
    }

    @Test
    void heldToExpiryEachLegSettlesInCashAtIntrinsicValue() {
        IronCondorStrategy strategy = strategy(ExitRules.of(0, 0, -1, -1, 1.0));
        BacktestRun run = run(strategy);
        assertThat(run.kernelErrors()).isZero();
        List<StructureView> settled = strategy.executor().closed();
        assertThat(settled).isNotEmpty().allMatch(v -> v.exitReason() == ExitReason.EXPIRY_SETTLEMENT);
        int settlements = 0;
        double cash = 100_000;
        for (OrderFilled f : run.fills()) {
            cash += (f.side() == Side.SELL ? 1 : -1) * f.price().toDouble() * f.quantity().toDouble() * 100;
            if (f.clientOrderId().value().matches(".*-c\\d+-\\d+")) {
                // a closing fill on the expiration date: intrinsic value at that day's AAPL close (0.01 when worthless)
                OptionContract c = OptionContract.parse(f.instrument());
                assertThat(NyseCalendar.INSTANCE.dateOf(f.time())).isEqualTo(c.expiry());
                double close = FixedPoint.toDouble(aapl.close()[indexOf(c.expiry())]);
                double intrinsic = Math.round(c.type().intrinsic(close, c.strike()) * 100) / 100.0;
                assertThat(f.price().toDouble()).isCloseTo(Math.max(0.01, intrinsic), within(1e-9));
                settlements++;
            }
        }
        assertThat(settlements).isEqualTo(4 * settled.size());
        // the ledger's cash is the sum of premiums received and paid, by hand, x 100 per contract
        assertThat(run.finalAccount().cash().toDouble()).isCloseTo(cash, within(1e-6));
        // regression pins (LEAN style) for the hold-to-expiry variant
        assertThat(settled).hasSize(10);
        assertThat(run.finalAccount().realizedPnl()).isEqualTo(Money.of("379"));
    }

    @Test
    void aCallLegDeniedByTheRiskChainCancelsTheWholeCondor() {
        RiskRule noShortCalls = new RiskRule() {
            @Override
            public String name() {
                return "no-short-calls";
            }

            @Override
            public RiskDecision check(SubmitOrder order, StrategyId owner, RiskContext context) {
                boolean shortCall = order.side() == Side.SELL
                        && OptionContract.parse(order.instrument()).type() == OptionType.CALL;
                return shortCall ? RiskDecision.reject(name(), "short calls not allowed") : RiskDecision.APPROVED;
            }
        };
        IronCondorStrategy strategy = strategy(ExitRules.of(0.5, 2.0, -1, 5, 1.0));
        BacktestRun run = new BacktestEngine(Money.of("100000"), 1.0, List.of(noShortCalls)).runQuotes(
                replay.instruments(), replay.quotes(), strategy, (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS));
        // the put legs went out in the same event as the denied call and were canceled before any
        // quote could fill them; the strategy tries again every day and is refused every day
        assertThat(run.kernelErrors()).isZero();
        assertThat(run.fills()).isEmpty();
        assertThat(strategy.entries()).isGreaterThan(1);
        assertThat(strategy.executor().closed()).hasSize(strategy.entries())
                .allMatch(v -> v.exitReason() == ExitReason.LEG_FAILED);
        assertThat(run.finalAccount().equity()).isEqualTo(Money.of("100000"));
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        assertThatThrownBy(() -> new IronCondorStrategy(StrategyId.of("ic"), InstrumentId.of("AAPL"), 1, 1, 0.03, 30, 0.16,
                10, ExitRules.of(0.5, 2.0, -1, 5, 1.0), ChainSpec.standard(), SyntheticVolModel.standard()))
                .hasMessageStartingWith("realizedWindow:");
        assertThatThrownBy(() -> new IronCondorStrategy(StrategyId.of("ic"), InstrumentId.of("AAPL"), 1, 10, 0.03, 30, 0.6,
                10, ExitRules.of(0.5, 2.0, -1, 5, 1.0), ChainSpec.standard(), SyntheticVolModel.standard()))
                .hasMessageStartingWith("shortDelta:");
    }

    private static int indexOf(LocalDate date) {
        for (int i = 0; i < aapl.size(); i++) {
            if (NyseCalendar.INSTANCE.dateOf(aapl.time()[i]).equals(date)) {
                return i;
            }
        }
        throw new AssertionError("no bar on " + date);
    }

    /** Sample standard deviation of the last {@code n} log returns up to bar {@code day}, annualised by sqrt(252). */
    private static double realized(int day, int n) {
        double[] r = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] = Math.log(FixedPoint.toDouble(aapl.close()[day - i]) / FixedPoint.toDouble(aapl.close()[day - i - 1]));
            mean += r[i] / n;
        }
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (n - 1) * 252);
    }

    private static double vol(double atm, double spot, double strike) {
        double m = Math.log(strike / spot);
        return atm - 0.4 * m + 0.6 * m * m;
    }

    private static double d1(double spot, double strike, double t, double vol) {
        return (Math.log(spot / strike) + (0.01 + vol * vol / 2) * t) / (vol * Math.sqrt(t));
    }

    private static double delta(OptionType type, double spot, double strike, double t, double atm) {
        double d1 = d1(spot, strike, t, vol(atm, spot, strike));
        return type == OptionType.CALL ? N.cumulativeProbability(d1) : N.cumulativeProbability(d1) - 1;
    }

    private static double price(OptionType type, double spot, double strike, double t, double vol) {
        double d1 = d1(spot, strike, t, vol);
        double d2 = d1 - vol * Math.sqrt(t);
        double df = Math.exp(-0.01 * t);
        return type == OptionType.CALL
                ? spot * N.cumulativeProbability(d1) - strike * df * N.cumulativeProbability(d2)
                : strike * df * N.cumulativeProbability(-d2) - spot * N.cumulativeProbability(-d1);
    }
}
