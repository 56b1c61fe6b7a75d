package io.amcp.strategy.calendar;

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
import io.amcp.api.spi.Clock;
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
import org.junit.jupiter.api.Test;

/**
 * The ATM call calendar on real AAPL 2013 daily bars with synthetic chains, replayed through
 * {@link BacktestEngine#runQuotes} against the paper exchange.
 */
class CalendarSpreadBacktestTest {

    @Test
    void regressionPinsAndFirstSpreadCheckedByHand() {
        BarSeries aapl = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);
        ChainSpec spec = ChainSpec.standard();
        SyntheticVolModel model = SyntheticVolModel.standard();
        ChainReplay replay = ChainReplay.of(aapl, new ChainSynthesizer(spec), model);
        CalendarSpreadStrategy strategy = new CalendarSpreadStrategy(StrategyId.of("cal"), InstrumentId.of("AAPL"), 1,
                OptionType.CALL, 14, 45, ExitRules.of(0.25, 0.5, 2, -1, 1.0), spec, model);
        BacktestRun run = new BacktestEngine(Money.of("100000"), 1.0, List.of()).runQuotes(replay.instruments(),
                replay.quotes(), strategy, (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS));

        // LEAN-style regression pins: any change to chain synthesis, selection, execution or the
        // ledger shows up here and must be explained in review.
        assertThat(run.kernelErrors()).isZero();
        assertThat(strategy.entries()).isEqualTo(29);
        assertThat(run.fills()).hasSize(114);
        assertThat(run.finalAccount().realizedPnl()).isEqualTo(Money.of("-3347"));
        assertThat(run.finalAccount().equity()).isEqualTo(Money.of("96593"));
        List<StructureView> closed = strategy.executor().closed();
        assertThat(closed).hasSize(28);
        assertThat(closed.stream().filter(v -> v.exitReason() == ExitReason.ROLL)).hasSize(12);

        // the first spread by hand: the chain warms up on 20 returns, so it opens at the 21st close
        // (2013-01-31); the strike is the 5-point grid strike nearest that close; the near expiry is
        // the listed Friday nearest 14 days out (02-15, 15 days), the far one nearest 45 days (03-15, 43 days)
        OrderFilled sell = run.fills().get(0);
        OrderFilled buy = run.fills().get(1);
        LocalDate opened = NyseCalendar.INSTANCE.dateOf(sell.time());
        assertThat(opened).isEqualTo(LocalDate.of(2013, 1, 31));
        assertThat(NyseCalendar.INSTANCE.dateOf(aapl.time()[20])).isEqualTo(opened);
        double close = FixedPoint.toDouble(aapl.close()[20]);
        OptionContract near = OptionContract.parse(sell.instrument());
        OptionContract far = OptionContract.parse(buy.instrument());
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(buy.side()).isEqualTo(Side.BUY);
        assertThat(near.strike()).isEqualTo(Math.round(close / 5) * 5.0).isEqualTo(far.strike());
        assertThat(near.expiry()).isEqualTo(LocalDate.of(2013, 2, 15));
        assertThat(far.expiry()).isEqualTo(LocalDate.of(2013, 3, 15));
        // a calendar is bought for a debit: the far option costs more than the near one
        assertThat(closed.get(0).entryPremium()).isCloseTo(sell.price().toDouble() - buy.price().toDouble(), within(1e-9))
                .isNegative();
    }

    @Test
    void rejectsBadParametersNamingTheField() {
        assertThatThrownBy(() -> new CalendarSpreadStrategy(StrategyId.of("c"), InstrumentId.of("AAPL"), 1, OptionType.CALL,
                30, 14, ExitRules.of(0.25, 0.5, 2, -1, 1.0), ChainSpec.standard(), SyntheticVolModel.standard()))
                .hasMessageStartingWith("farDays:");
        assertThatThrownBy(() -> ExitRules.of(0.25, 0.5, 2, -1, 1.5)).hasMessageStartingWith("priceConcession:");
    }
}
