package io.amcp.risk.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule against hand-computed limits on a hand-set account (the arithmetic is in the comments). */
class RuleLimitsTest {

    private static final StrategyId S1 = StrategyId.of("s1");

    private static SubmitOrder buy(String symbol, long quantity) {
        return SubmitOrder.market(InstrumentId.of(symbol), Side.BUY, Quantity.of(quantity));
    }

    private static SubmitOrder sell(String symbol, long quantity) {
        return SubmitOrder.market(InstrumentId.of(symbol), Side.SELL, Quantity.of(quantity));
    }

    private static String reason(RiskRule rule, SubmitOrder order, FakeRiskContext context) {
        RiskDecision d = rule.check(order, S1, context);
        return d.approved() ? null : d.rule() + ": " + d.reason();
    }

    @Test
    void positionLimitCountsTheHeldQuantityAndLetsReducingOrdersPass() {
        // 400 held + 150 = 550 > 500; selling 900 ends at -500, not above the limit
        PositionLimitRule rule = new PositionLimitRule(Configs.of(PositionLimitConfig.class, Map.of("maxQuantity", "500")));
        FakeRiskContext ctx = new FakeRiskContext(100_000).hold("AAPL", 400, 100);
        assertThat(reason(rule, buy("AAPL", 150), ctx)).isEqualTo("position-limit: AAPL position would reach 550, limit 500");
        assertThat(reason(rule, sell("AAPL", 900), ctx)).isNull();
        assertThat(reason(rule, buy("AAPL", 100), ctx)).isNull();
        // a per-symbol override: 550 <= 600
        rule.modified(Configs.of(PositionLimitConfig.class, Map.of("maxQuantity", "500", "limits", "AAPL:600")));
        assertThat(reason(rule, buy("AAPL", 150), ctx)).isNull();
    }

    @Test
    void notionalLimitChecksEachOrderAndTheGrossExposureAfterIt() {
        NotionalLimitRule rule = new NotionalLimitRule(Configs.of(NotionalLimitConfig.class,
                Map.of("maxOrderNotional", 50_000.0, "maxGrossExposure", 80_000.0)));
        // AAPL 200 x 200 = 40,000 long, MSFT -100 x 300 = -30,000 short: gross 70,000
        FakeRiskContext ctx = new FakeRiskContext(100_000).hold("AAPL", 200, 200).hold("MSFT", -100, 300);
        // 300 x 200 = 60,000 > 50,000
        assertThat(reason(rule, buy("AAPL", 300), ctx))
                .isEqualTo("notional-limit: order notional 60000.00 of AAPL exceeds limit 50000.00");
        // 60 x 200 = 12,000: gross 70,000 - 40,000 + 52,000 = 82,000 > 80,000
        assertThat(reason(rule, buy("AAPL", 60), ctx))
                .isEqualTo("notional-limit: gross exposure would be 82000.00, limit 80000.00");
        // 50 x 200 = 10,000: gross exactly 80,000 passes; covering MSFT lowers the gross
        assertThat(reason(rule, buy("AAPL", 50), ctx)).isNull();
        assertThat(reason(rule, buy("MSFT", 100), ctx)).isNull();
        // reduce at a 56,000 limit: cut 1 - 56,000 / 70,000 = 20%: sell 40 of 200 AAPL, buy 20 of -100 MSFT
        rule.modified(Configs.of(NotionalLimitConfig.class, Map.of("maxGrossExposure", 56_000.0, "action", "reduce")));
        rule.monitor(ctx);
        assertThat(ctx.riskOrders).containsExactly("SELL 40 AAPL", "BUY 20 MSFT");
    }

    @Test
    void dailyLossStopsTradingOnceTheLossPassesItsShareOfTheStartEquity() {
        DailyLossRule rule = new DailyLossRule(Configs.of(DailyLossConfig.class,
                Map.of("maxLossPercent", 2.0, "action", "stop")));
        // start 100,000, now 98,500: loss 1,500 = 1.5% < 2%
        FakeRiskContext ctx = new FakeRiskContext(98_500);
        ctx.dayStartEquity = 100_000;
        rule.monitor(ctx);
        assertThat(ctx.stopped).isNull();
        // now 97,500: loss 2,500 = 2.5% > 2%
        ctx.cash = 97_500;
        rule.monitor(ctx);
        assertThat(ctx.stopped).isEqualTo(
                "daily-loss: day loss 2500.00 is 2.5% of the day's start equity 100000.00, limit 2%");
        assertThat(reason(rule, buy("AAPL", 1), ctx)).endsWith("limit 2%; only orders that reduce positions pass");
    }

    @Test
    void drawdownIsMeasuredFromThePeakAndAConfigChangeKeepsThePeak() {
        DrawdownRule rule = new DrawdownRule(Configs.of(DrawdownConfig.class,
                Map.of("maxDrawdownPercent", 10.0, "action", "alert")));
        // 1,000 AAPL at 100 = 100,000 equity (the peak); at 92: (100,000 - 92,000) / 100,000 = 8% < 10%
        FakeRiskContext ctx = new FakeRiskContext(0).hold("AAPL", 1000, 100);
        rule.monitor(ctx);
        ctx.price("AAPL", 92);
        rule.monitor(ctx);
        assertThat(ctx.alerts).isEmpty();
        // limit lowered to 5% without re-creating the rule: 8% > 5% now breaches, the peak is kept
        rule.modified(Configs.of(DrawdownConfig.class, Map.of("maxDrawdownPercent", 5.0, "action", "alert")));
        rule.monitor(ctx);
        assertThat(ctx.alerts).containsExactly("drawdown 8.0% from peak equity 100000.00 to 92000.00, limit 5%");
        assertThat(rule.peak()).isEqualTo(100_000.0);
        // alert passes orders; one alert per breach
        rule.monitor(ctx);
        assertThat(reason(rule, buy("AAPL", 1), ctx)).isNull();
        assertThat(ctx.alerts).hasSize(2);
    }

    @Test
    void concentrationMeasuresSymbolAndSectorWeights() {
        ConcentrationRule rule = new ConcentrationRule(Configs.of(ConcentrationConfig.class, Map.of(
                "maxSymbolPercent", 40.0, "maxSectorPercent", 50.0, "sectors", "AAPL:tech,MSFT:tech,XOM:energy")));
        // AAPL 100 x 200 = 20,000, MSFT 100 x 300 = 30,000, XOM 300 x 100 = 30,000, cash 20,000:
        // gross 80,000, equity 100,000
        FakeRiskContext ctx = new FakeRiskContext(20_000).hold("AAPL", 100, 200).hold("MSFT", 100, 300)
                .hold("XOM", 300, 100);
        // +150 AAPL = 30,000: AAPL 50,000, gross 110,000: 50,000 / 110,000 = 45.5% > 40%
        assertThat(reason(rule, buy("AAPL", 150), ctx))
                .isEqualTo("concentration: AAPL would be 45.5% of gross exposure, limit 40%");
        // +50 AAPL = 10,000: AAPL 30,000 / max(90,000, 100,000) = 30% <= 40%, but tech (30,000 + 30,000) / 100,000 = 60%
        assertThat(reason(rule, buy("AAPL", 50), ctx))
                .isEqualTo("concentration: sector tech would be 60.0% of gross exposure with AAPL, limit 50%");
        // XOM +50 = 35,000 / 100,000 = 35%: passes; selling always passes
        assertThat(reason(rule, buy("XOM", 50), ctx)).isNull();
        assertThat(reason(rule, sell("MSFT", 100), ctx)).isNull();
        // reduce at 25% per symbol: MSFT 30,000 / 100,000 = 30% is the first breach (symbol order);
        // (30,000 - 0.25 x 80,000) / 0.75 = 13,333 would take gross below equity, so the denominator is
        // equity: sell 30,000 - 0.25 x 100,000 = 5,000 = 1/6 of 100 shares = 16.7 -> 17
        rule.modified(Configs.of(ConcentrationConfig.class, Map.of("maxSymbolPercent", 25.0, "action", "reduce",
                "sectors", "AAPL:tech,MSFT:tech,XOM:energy")));
        rule.monitor(ctx);
        assertThat(ctx.riskOrders).containsExactly("SELL 17 MSFT");
    }

    @Test
    void varFromVolatilitiesAndCorrelation() {
        VarLimitRule rule = new VarLimitRule(Configs.of(VarLimitConfig.class, Map.of(
                "maxVar", 5000.0, "volatilities", "AAPL:0.02,MSFT:0.03", "correlation", 0.5)));
        // AAPL 500 x 200 = 100,000: VaR = z(0.99) 2.3263479 x 0.02 x 100,000 = 4,652.70 <= 5,000
        FakeRiskContext ctx = new FakeRiskContext(0).hold("AAPL", 500, 200).price("MSFT", 300);
        // + MSFT 100 x 300 = 30,000: sqrt(2,000^2 + 900^2 + 2 x 0.5 x 2,000 x 900) = sqrt(6,610,000) = 2,570.99
        //   x 2.3263479 = 5,981.02 > 5,000
        assertThat(reason(rule, buy("MSFT", 100), ctx))
                .isEqualTo("var-limit: VaR(99%, 1d) would be 5981.02 with BUY 100 MSFT, limit 5000.00");
        // + MSFT 10 = 3,000: sqrt(4,000,000 + 8,100 + 180,000) x 2.3263479 = 4,760.84
        assertThat(reason(rule, buy("MSFT", 10), ctx)).isNull();
        assertThat(reason(rule, buy("XOM", 1), ctx)).isEqualTo("var-limit: no volatility or return history configured for XOM");
    }

    @Test
    void varFromAReturnHistoryThroughTheRiskAnalyticsAndReduce() {
        // returns 1%, -1%, 2%, -2%: mean 0, sample variance (1 + 1 + 4 + 4) x 1e-4 / 3 = 3.3333e-4,
        // sigma 0.0182574; VaR of 100,000 = 2.3263479 x 1,825.74 = 4,247.31 > 4,000
        VarLimitRule rule = new VarLimitRule(Configs.of(VarLimitConfig.class, Map.of(
                "maxVar", 4000.0, "returns", "AAPL:0.01 -0.01 0.02 -0.02", "action", "reduce")));
        FakeRiskContext ctx = new FakeRiskContext(0).hold("AAPL", 500, 200);
        rule.monitor(ctx);
        // cut 1 - 4,000 / 4,247.31 = 5.82% of 500 = 29.1 -> 30
        assertThat(ctx.alerts).isEmpty();
        assertThat(ctx.riskOrders).containsExactly("SELL 30 AAPL");
        assertThat(VarLimitRule.var(rule.limits(), new double[] {100_000})).isCloseTo(4247.31, within(0.01));
    }

    @Test
    void marginUsageIsRegTInitialOverEquity() {
        MarginUsageRule rule = new MarginUsageRule(Configs.of(MarginUsageConfig.class, Map.of("maxUsagePercent", 80.0)));
        // 750 AAPL x 200 = 150,000 long on -50,000 cash: equity 100,000, initial 0.5 x 150,000 = 75% of equity
        FakeRiskContext ctx = new FakeRiskContext(-50_000).hold("AAPL", 750, 200).price("MSFT", 300);
        // +100 AAPL: 0.5 x 170,000 = 85,000 = 85% > 80%
        assertThat(reason(rule, buy("AAPL", 100), ctx))
                .isEqualTo("margin-usage: initial margin would be 85.0% of equity 100000.00, limit 80%");
        // short 100 MSFT x 300: 75,000 + 0.5 x 30,000 = 90%
        assertThat(reason(rule, sell("MSFT", 100), ctx)).contains("would be 90.0%");
        // +10 AAPL: 0.5 x 152,000 = 76%
        assertThat(reason(rule, buy("AAPL", 10), ctx)).isNull();
        // reduce at 60%: cut 1 - 0.60 / 0.75 = 20% of 750 = 150
        rule.modified(Configs.of(MarginUsageConfig.class, Map.of("maxUsagePercent", 60.0, "action", "reduce")));
        rule.monitor(ctx);
        assertThat(ctx.riskOrders).containsExactly("SELL 150 AAPL");
    }

    @Test
    void greeksOfACallMatchHullsExampleAndADeltaBreachIsHedged() {
        // Hull, Options, Futures and Other Derivatives, example 15.6: S 42, K 40, r 10%, sigma 20%, T 0.5:
        // d1 = 0.7693, delta N(d1) = 0.7791, gamma N'(d1) / (S sigma sqrt T) = 0.04996, vega S N'(d1) sqrt T = 8.813
        String call = "XYZ240702C00040000";
        long expiry = Instant.parse("2024-07-02T21:00:00Z").getEpochSecond() * 1_000_000_000L;
        double[] g = OccOption.parse(InstrumentId.of(call)).greeks(42, 0.2, 0.1, expiry - 182_5L * 8_640_000_000_000L);
        assertThat(g[0]).isCloseTo(0.7791, within(1e-4));
        assertThat(g[1]).isCloseTo(0.04996, within(1e-5));
        assertThat(g[2]).isCloseTo(8.813, within(1e-3));

        GreeksLimitRule rule = new GreeksLimitRule(Configs.of(GreeksLimitConfig.class, Map.of(
                "maxDelta", 500.0, "maxVega", 100.0, "volatilities", "XYZ:0.2", "rate", 0.1)));
        FakeRiskContext ctx = new FakeRiskContext(100_000).price("XYZ", 42).price(call, 4.76);
        ctx.now = expiry - 182_5L * 8_640_000_000_000L;
        // 10 calls x 100 x 0.7791 = 779.1 shares of delta > 500
        assertThat(reason(rule, buy(call, 10), ctx))
                .isEqualTo("greeks-limit: net delta of XYZ would be 779.13 shares, limit 500");
        // 5 calls: 389.6 shares, vega 5 x 100 x 8.813 / 100 = 44.07 per vol point: passes
        assertThat(reason(rule, buy(call, 5), ctx)).isNull();
        // holding 10: hedge 779.13 - 500 = 279.13 -> sell 280 XYZ
        ctx.hold(call, 10, 4.76);
        rule.modified(Configs.of(GreeksLimitConfig.class, Map.of("maxDelta", 500.0, "volatilities", "XYZ:0.2",
                "rate", 0.1, "action", "reduce")));
        rule.monitor(ctx);
        assertThat(ctx.riskOrders).containsExactly("SELL 280 XYZ");
    }

    @Test
    void orderRateCountsOrdersPerStrategyOnTheKernelClock() {
        OrderRateRule rule = new OrderRateRule(Configs.of(OrderRateConfig.class, Map.of("maxOrdersPerMinute", 3)));
        FakeRiskContext ctx = new FakeRiskContext(100_000).price("AAPL", 100);
        long second = 1_000_000_000L;
        for (int i = 0; i < 3; i++) {
            ctx.now = i * 10 * second;
            assertThat(reason(rule, buy("AAPL", 1), ctx)).isNull();
        }
        ctx.now = 30 * second;
        assertThat(reason(rule, buy("AAPL", 1), ctx))
                .isEqualTo("order-rate: strategy s1 sent 3 orders in the last minute, limit 3");
        assertThat(rule.check(buy("AAPL", 1), StrategyId.of("s2"), ctx).approved()).isTrue();
        // the order at 0 s leaves the window at 60 s
        ctx.now = 60 * second;
        assertThat(reason(rule, buy("AAPL", 1), ctx)).isNull();
        // raised to 5 per minute without a restart: the 4th and 5th in the window pass
        rule.modified(Configs.of(OrderRateConfig.class, Map.of("maxOrdersPerMinute", 5)));
        ctx.now = 61 * second;
        assertThat(reason(rule, buy("AAPL", 1), ctx)).isNull();
        assertThat(reason(rule, buy("AAPL", 1), ctx)).isNull();
        assertThat(reason(rule, buy("AAPL", 1), ctx)).isNotNull();
    }

    @Test
    void badConfigurationNamesTheProperty() {
        assertThatThrownBy(() -> new DrawdownRule(Configs.of(DrawdownConfig.class, Map.of("action", "panic"))))
                .hasMessageStartingWith("action: must be one of alert, block, reduce, stop; was 'panic'");
        assertThatThrownBy(() -> new ConcentrationRule(Configs.of(ConcentrationConfig.class, Map.of("sectors", "AAPL"))))
                .hasMessageStartingWith("sectors: expected SYMBOL:value");
        assertThatThrownBy(() -> new PositionLimitRule(Configs.of(PositionLimitConfig.class, Map.of("maxQuantity", "-1"))))
                .hasMessageStartingWith("maxQuantity:");
        assertThatThrownBy(() -> new VarLimitRule(Configs.of(VarLimitConfig.class, Map.of())))
                .hasMessageStartingWith("volatilities:");
        assertThatThrownBy(() -> new VarLimitRule(Configs.of(VarLimitConfig.class,
                Map.of("returns", "AAPL:0.01 0.02;MSFT:0.01")))).hasMessageStartingWith("returns:");
    }
}
