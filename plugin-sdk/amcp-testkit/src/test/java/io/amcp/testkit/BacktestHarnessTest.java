package io.amcp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
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
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestHarnessTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    private static SmaCrossStrategy smaCross() {
        return new SmaCrossStrategy(StrategyId.of("sma"), AAPL, 10, 30, Quantity.of(10));
    }

    @Test
    void smaCrossOnAaplGivesTheSameFillsAsTheBacktestEngineUsedDirectly() {
        List<BarSeries> aapl = new BundledDatasets().load("aapl-2013");
        BacktestRun direct = new BacktestEngine(Money.of("10000"), 1.0, List.of()).run(aapl, smaCross(),
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);

        BacktestOutcome outcome = BacktestHarness.dataset("aapl-2013").cash("10000").run(smaCross());

        assertThat(direct.fills()).isNotEmpty();
        assertThat(outcome.fills()).map(BacktestHarnessTest::describe)
                .containsExactlyElementsOf(direct.fills().stream().map(BacktestHarnessTest::describe).toList());
        assertThat(outcome.equityCurve().equity()).containsExactly(direct.equity());
        assertThat(outcome.finalAccount().equity()).isEqualTo(direct.finalAccount().equity());
    }

    @Test
    void tradesAndMetricsAreDerivedFromTheFills() {
        BacktestOutcome outcome = BacktestHarness.dataset("aapl-2013").cash("10000").run(smaCross());

        long sells = outcome.fills().stream().filter(f -> f.side() == Side.SELL).count();
        assertThat(outcome.metrics().tradeCount()).isEqualTo(sells);
        double first = outcome.equityCurve().firstEquity();
        double last = outcome.equityCurve().lastEquity();
        assertThat(first).isEqualTo(10000.0);
        assertThat(outcome.metrics().totalReturn()).isCloseTo(last / first - 1, within(1e-12));
        double pnl = 0;
        for (OrderFilled f : outcome.fills()) {
            pnl += (f.side() == Side.SELL ? 1 : -1) * f.price().toDouble() * f.quantity().toDouble();
        }
        double openValue = outcome.position(AAPL).marketValue().toDouble();
        assertThat(last).isCloseTo(10000 + pnl + openValue, within(1e-6));
    }

    @Test
    void aRiskRulePassedToTheHarnessBlocksOrders() {
        RiskRule noBuys = new RiskRule() {
            @Override
            public String name() {
                return "no-buys";
            }

            @Override
            public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
                return order.side() == Side.BUY ? RiskDecision.reject(name(), "buying is switched off")
                        : RiskDecision.APPROVED;
            }
        };

        BacktestOutcome outcome = BacktestHarness.dataset("aapl-2013").cash("10000").riskRule(noBuys).run(smaCross());

        assertThat(outcome.fills()).isEmpty();
        assertThat(outcome.denials()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.rule()).isEqualTo("no-buys");
            assertThat(d.reason()).isEqualTo("buying is switched off");
        });
        assertThat(outcome.equityCurve().lastEquity()).isEqualTo(10000.0);
    }

    @Test
    void commissionIsChargedPerFill() {
        BacktestOutcome outcome = BacktestHarness.dataset("aapl-2013").cash("10000")
                .commissionPerShare("0.01", "1").run(smaCross());

        // 10 shares x 0.01 = 0.10 is below the 1.00 minimum, so every fill pays exactly 1.00
        assertThat(outcome.fills()).isNotEmpty().allSatisfy(f -> assertThat(f.commission()).isEqualTo(Money.of("1")));
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> BacktestHarness.dataset("no-such-data")).hasMessageContaining("no-such-data");
        assertThatThrownBy(() -> BacktestHarness.dataset("aapl-2013").cash("-5")).hasMessageStartingWith("cash:");
        assertThatThrownBy(() -> BacktestHarness.dataset("aapl-2013").leverage(0.5)).hasMessageStartingWith("leverage:");
        assertThatThrownBy(() -> BacktestHarness.series(List.of())).hasMessageStartingWith("series:");
    }

    private static String describe(OrderFilled f) {
        return f.time() + " " + f.side() + " " + f.quantity() + "@" + f.price();
    }

}
