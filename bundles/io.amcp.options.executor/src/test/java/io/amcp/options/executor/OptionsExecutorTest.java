package io.amcp.options.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.TimerHandle;
import io.amcp.options.OptionType;
import io.amcp.options.OptionValuation;
import io.amcp.options.chain.ChainQuote;
import io.amcp.options.chain.OptionChain;
import io.amcp.options.chain.OptionContract;
import io.amcp.options.strategy.MarketModel;
import io.amcp.options.strategy.StrategyAnalysis;
import io.amcp.options.strategy.StrategyAnalyzer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsExecutorTest {

    private static final InstrumentId XYZ = InstrumentId.of("XYZ");
    private static final LocalDate EXPIRY = LocalDate.of(2013, 3, 15);
    private static final OptionContract LP = OptionContract.of(XYZ, EXPIRY, OptionType.PUT, 90);
    private static final OptionContract SP = OptionContract.of(XYZ, EXPIRY, OptionType.PUT, 95);
    private static final OptionContract SC = OptionContract.of(XYZ, EXPIRY, OptionType.CALL, 105);
    private static final OptionContract LC = OptionContract.of(XYZ, EXPIRY, OptionType.CALL, 110);
    private static final OptionStructure CONDOR = OptionStructure.of("iron-condor", List.of(StructureLeg.of(LP, Side.BUY),
            StructureLeg.of(SP, Side.SELL), StructureLeg.of(SC, Side.SELL), StructureLeg.of(LC, Side.BUY)));

    /** Records submissions and cancels. */
    static class RecordingContext implements StrategyContext {
        final List<SubmitOrder> submitted = new ArrayList<>();
        final List<ClientOrderId> canceled = new ArrayList<>();

        @Override public StrategyId strategyId() { return StrategyId.of("t"); }
        @Override public Clock clock() { return () -> 0L; }
        @Override public void subscribe(InstrumentId instrument) { }
        @Override public ClientOrderId submit(SubmitOrder order) {
            submitted.add(order);
            return order.clientOrderId();
        }
        @Override public void cancel(ClientOrderId id) { canceled.add(id); }
        @Override public void replace(ReplaceOrder replace) { }
        @Override public PositionView position(InstrumentId instrument) { return PositionView.flat(instrument); }
        @Override public AccountView account() { return null; }
        @Override public List<OrderView> openOrders() { return List.of(); }
        @Override public TimerHandle scheduleAt(long t, Runnable task) { return () -> { }; }
    }

    private static ChainQuote q(OptionContract c, double bid, double ask) {
        return new ChainQuote(c, 0.3, OptionValuation.of((bid + ask) / 2, 0, 0, 0, 0, 0), bid, ask);
    }

    private static OptionChain chain(LocalDate date, double... bidAsk) {
        OptionContract[] cs = {LP, SP, SC, LC};
        List<ChainQuote> quotes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            quotes.add(q(cs[i], bidAsk[2 * i], bidAsk[2 * i + 1]));
        }
        return new OptionChain(XYZ, date, 100, quotes);
    }

    private static OrderFilled fill(SubmitOrder o, double price) {
        return new OrderFilled(o.clientOrderId(), "T-" + o.clientOrderId(), o.instrument(), o.side(), o.quantity(),
                Price.of(price), Money.ZERO, 0);
    }

    @Test
    void submitsEveryLegInOneCallAtMidOrTouch() {
        RecordingContext ctx = new RecordingContext();
        OptionsExecutor mid = new OptionsExecutor(ctx, ExitRules.of(0.5, 2, -1, -1, 0.0));
        mid.open(CONDOR, 2, chain(LocalDate.of(2013, 2, 15), 1.40, 1.60, 2.90, 3.10, 1.95, 2.05, 0.95, 1.05));
        assertThat(ctx.submitted).extracting(SubmitOrder::side).containsExactly(Side.BUY, Side.SELL, Side.SELL, Side.BUY);
        assertThat(ctx.submitted).extracting(o -> o.limitPrice().toDouble()).containsExactly(1.50, 3.00, 2.00, 1.00);
        assertThat(ctx.submitted).allMatch(o -> o.quantity().equals(Quantity.of(2)));
        assertThat(ctx.submitted.get(0).instrument().value()).isEqualTo("XYZ130315P00090000");

        RecordingContext touchCtx = new RecordingContext();
        new OptionsExecutor(touchCtx, ExitRules.of(0.5, 2, -1, -1, 1.0))
                .open(CONDOR, 1, chain(LocalDate.of(2013, 2, 15), 1.40, 1.60, 2.90, 3.10, 1.95, 2.05, 0.95, 1.05));
        // buys at the ask, sells at the bid
        assertThat(touchCtx.submitted).extracting(o -> o.limitPrice().toDouble()).containsExactly(1.60, 2.90, 1.95, 1.05);
    }

    @Test
    void theCatalogAnalyzesTheStructureAtChainMids() {
        OptionChain c = chain(LocalDate.of(2013, 2, 15), 0.90, 1.10, 2.90, 3.10, 1.90, 2.10, 0.90, 1.10);
        StrategyAnalysis a = StrategyAnalyzer.analyze(CONDOR.toStrategy(c), MarketModel.of(100, 0.3, 0.01, 0));
        // textbook iron condor, mids 1, 3, 2, 1: credit 3; max profit = credit; max loss = wing 5 - credit;
        // breakevens at the short put minus the credit and the short call plus the credit
        assertThat(a.netPremium()).isCloseTo(-3.0, within(1e-9));
        assertThat(a.maxProfit()).isCloseTo(3.0, within(1e-9));
        assertThat(a.maxLoss()).isCloseTo(2.0, within(1e-9));
        assertThat(a.breakevens()).hasSize(2);
        assertThat(a.breakevens().get(0)).isCloseTo(92.0, within(1e-6));
        assertThat(a.breakevens().get(1)).isCloseTo(108.0, within(1e-6));
        assertThat(a.horizonYears()).isCloseTo(28 / 365.0, within(1e-12));
    }

    @Test
    void aRejectedLegCancelsTheOthersAndUnwindsWhatFilled() {
        RecordingContext ctx = new RecordingContext();
        OptionsExecutor ex = new OptionsExecutor(ctx, ExitRules.of(0.5, 2, -1, -1, 1.0));
        OptionChain c = chain(LocalDate.of(2013, 2, 15), 1.40, 1.60, 2.90, 3.10, 1.95, 2.05, 0.95, 1.05);
        ex.open(CONDOR, 1, c);
        ex.onOrderEvent(fill(ctx.submitted.get(0), 1.60));
        ex.onOrderEvent(new OrderRejected(ctx.submitted.get(1).clientOrderId(), "no", 0));
        assertThat(ctx.canceled).containsExactly(ctx.submitted.get(2).clientOrderId(), ctx.submitted.get(3).clientOrderId());
        ex.onOrderEvent(new OrderCanceled(ctx.submitted.get(2).clientOrderId(), "asked", 0));
        ex.onOrderEvent(new OrderCanceled(ctx.submitted.get(3).clientOrderId(), "asked", 0));
        assertThat(ex.structures().get(0).state()).isEqualTo(StructureState.CLOSING);
        ex.manage(c);
        // only the filled long put is sold back, at the bid
        SubmitOrder unwind = ctx.submitted.get(4);
        assertThat(unwind.instrument()).isEqualTo(LP.id());
        assertThat(unwind.side()).isEqualTo(Side.SELL);
        assertThat(unwind.limitPrice().toDouble()).isEqualTo(1.40);
        ex.onOrderEvent(fill(unwind, 1.40));
        assertThat(ex.isFlat()).isTrue();
        ex.manage(c);
        StructureView done = ex.closed().get(0);
        assertThat(done.exitReason()).isEqualTo(ExitReason.LEG_FAILED);
        // paid 1.60 for the long put, sold it for 1.40: -0.20 per unit
        assertThat(done.pnlPerUnit()).isCloseTo(-0.20, within(1e-9));
    }

    @Test
    void aLegTheContextRefusesEndsTheStructureWithoutLeavingItOpening() {
        RecordingContext ctx = new RecordingContext() {
            @Override
            public ClientOrderId submit(SubmitOrder order) {
                if (submitted.size() == 1) {
                    throw new IllegalStateException("kill switch engaged");
                }
                return super.submit(order);
            }
        };
        OptionsExecutor ex = new OptionsExecutor(ctx, ExitRules.of(0.5, 2, -1, -1, 1.0));
        ex.open(CONDOR, 1, chain(LocalDate.of(2013, 2, 15), 1.40, 1.60, 2.90, 3.10, 1.95, 2.05, 0.95, 1.05));
        // the second leg threw: no further leg is sent and the first is canceled
        assertThat(ctx.submitted).hasSize(1);
        assertThat(ctx.canceled).containsExactly(ctx.submitted.get(0).clientOrderId());
        ex.onOrderEvent(new OrderCanceled(ctx.submitted.get(0).clientOrderId(), "asked", 0));
        assertThat(ex.isFlat()).isTrue();
    }

    @Test
    void profitTargetStopAndSettlementByHand() {
        RecordingContext ctx = new RecordingContext();
        OptionsExecutor ex = new OptionsExecutor(ctx, ExitRules.of(0.5, 2, -1, -1, 1.0));
        ex.open(CONDOR, 1, chain(LocalDate.of(2013, 2, 15), 0.90, 1.10, 2.90, 3.10, 1.90, 2.10, 0.90, 1.10));
        double[] prices = {1.00, 3.00, 2.00, 1.00};
        for (int i = 0; i < 4; i++) {
            ex.onOrderEvent(fill(ctx.submitted.get(i), prices[i]));
        }
        // credit = 3.00 + 2.00 - 1.00 - 1.00 = 3.00; target 50% = 1.50; stop at a loss of 2 x 3.00 = 6.00
        assertThat(ex.structures().get(0).entryPremium()).isCloseTo(3.00, within(1e-9));
        // mids 0.25, 1.00, 0.80, 0.15: close cost 1.00 + 0.80 - 0.25 - 0.15 = 1.40, pnl 1.60 >= 1.50
        OptionChain later = chain(LocalDate.of(2013, 2, 22), 0.20, 0.30, 0.95, 1.05, 0.75, 0.85, 0.10, 0.20);
        assertThat(ex.manage(later)).extracting(StructureView::exitReason).containsExactly(ExitReason.PROFIT_TARGET);
        assertThat(ctx.submitted).hasSize(8);

        // a second condor held to expiry: XYZ closes at 92 on the expiration date, inside the put spread
        RecordingContext ctx2 = new RecordingContext();
        OptionsExecutor held = new OptionsExecutor(ctx2, ExitRules.of(0, 0, -1, -1, 1.0));
        held.open(CONDOR, 3, chain(LocalDate.of(2013, 2, 15), 0.90, 1.10, 2.90, 3.10, 1.90, 2.10, 0.90, 1.10));
        for (int i = 0; i < 4; i++) {
            held.onOrderEvent(fill(ctx2.submitted.get(i), prices[i]));
        }
        // settlement quotes on 03-15: 90 put 0.01 (worthless), 95 put 3.00 (95 - 92), calls 0.01
        OptionChain expiry = chain(EXPIRY, 0.01, 0.01, 3.00, 3.00, 0.01, 0.01, 0.01, 0.01);
        assertThat(held.manage(expiry)).extracting(StructureView::exitReason)
                .containsExactly(ExitReason.EXPIRY_SETTLEMENT);
        for (int i = 4; i < 8; i++) {
            SubmitOrder close = ctx2.submitted.get(i);
            held.onOrderEvent(fill(close, close.limitPrice().toDouble()));
        }
        held.manage(expiry);
        StructureView settled = held.closed().get(0);
        // per unit: credit 3.00, settlement cost 3.00 + 0.01 - 0.01 - 0.01 = 2.99; 3 condors x 100 multiplier
        assertThat(settled.exitCost()).isCloseTo(2.99, within(1e-9));
        assertThat(settled.pnlPerUnit() * 3 * 100).isCloseTo(3.00, within(1e-6));
    }
}
