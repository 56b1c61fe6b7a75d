package io.amcp.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.spi.Clock;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;

/**
 * The SMA(10/30) crossover on real AAPL 2013 bars, checked against an independent computation:
 * ta4j's SMA finds the crosses, and each trade must enter/exit at the open of the bar after the
 * cross (no look-ahead: the decision bar never fills).
 */
class SmaCrossBacktestTest {

    @Test
    void tradesMatchCrossesFoundByTa4jFilledAtTheNextOpen() {
        BarSeries aapl = new BundledDatasets().load("aapl-2013").get(0);
        org.ta4j.core.BarSeries ref = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < aapl.size(); i++) {
            ZonedDateTime end = Clock.toInstant(aapl.time()[i]).atZone(ZoneOffset.UTC);
            ref.addBar(Duration.ofDays(1), end, FixedPoint.toDouble(aapl.open()[i]), FixedPoint.toDouble(aapl.high()[i]),
                    FixedPoint.toDouble(aapl.low()[i]), FixedPoint.toDouble(aapl.close()[i]),
                    FixedPoint.toDouble(aapl.volume()[i]));
        }
        SMAIndicator fast = new SMAIndicator(new ClosePriceIndicator(ref), 10);
        SMAIndicator slow = new SMAIndicator(new ClosePriceIndicator(ref), 30);
        List<String> expected = new ArrayList<>();
        boolean holding = false;
        int lastSign = 0;
        for (int i = 29; i < ref.getBarCount(); i++) {
            double d = fast.getValue(i).doubleValue() - slow.getValue(i).doubleValue();
            int sign = d > 0 ? 1 : d < 0 ? -1 : lastSign;
            if (lastSign != 0 && sign != lastSign && i + 1 < ref.getBarCount()) {
                if (sign > 0 && !holding) {
                    expected.add("BUY@" + FixedPoint.format(aapl.open()[i + 1]));
                    holding = true;
                } else if (sign < 0 && holding) {
                    expected.add("SELL@" + FixedPoint.format(aapl.open()[i + 1]));
                    holding = false;
                }
            }
            lastSign = sign;
        }

        BacktestRun run = new BacktestEngine(Money.of("10000"), 1.0, List.of()).run(List.of(aapl),
                new SmaCrossStrategy(StrategyId.of("t"), aapl.instrument().id(), 10, 30, Quantity.of(10)),
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);
        List<String> actual = run.fills().stream().map(f -> f.side() + "@" + f.price()).toList();
        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);

        // final equity = cash + open position marked at the last close, computed from the fills by hand
        double cash = 10000;
        double position = 0;
        for (OrderFilled f : run.fills()) {
            double sign = f.side() == Side.BUY ? -1 : 1;
            cash += sign * f.price().toDouble() * f.quantity().toDouble();
            position -= sign * f.quantity().toDouble();
        }
        double lastClose = FixedPoint.toDouble(aapl.close()[aapl.size() - 1]);
        assertThat(run.finalAccount().equity().toDouble()).isCloseTo(cash + position * lastClose,
                org.assertj.core.data.Offset.offset(1e-6));
    }
}
