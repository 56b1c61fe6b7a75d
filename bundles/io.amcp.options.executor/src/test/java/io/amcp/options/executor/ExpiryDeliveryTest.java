package io.amcp.options.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.SubmitOrder;
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
import org.junit.jupiter.api.Test;

/** Which shares the executor delivers at expiry, checked on the orders it sends (hand-worked OCC rules). */
class ExpiryDeliveryTest {

    private static final InstrumentId XYZ = InstrumentId.of("XYZ");
    private static final LocalDate OPEN = LocalDate.of(2013, 3, 14);
    private static final LocalDate EXPIRY = LocalDate.of(2013, 3, 15);
    private static final ExitRules PHYSICAL = ExitRules.of(0, 0, -1, -1, 1.0, ExpirySettlement.PHYSICAL);

    private static OptionContract call(LocalDate expiry, double strike) {
        return OptionContract.of(XYZ, expiry, OptionType.CALL, strike);
    }

    private static OptionChain chain(LocalDate date, double spot, Map<OptionContract, Double> prices) {
        List<ChainQuote> quotes = new ArrayList<>();
        prices.forEach((c, p) -> quotes.add(new ChainQuote(c, 0.3, OptionValuation.of(p, 0, 0, 0, 0, 0), p, p)));
        return new OptionChain(XYZ, date, spot, quotes);
    }

    private static OrderFilled fill(SubmitOrder o, double price) {
        return new OrderFilled(o.clientOrderId(), "T-" + o.clientOrderId(), o.instrument(), o.side(), o.quantity(),
                Price.of(price), Money.ZERO, 0);
    }

    /** Opens {@code structure} on 03-14 at the given prices, every leg filled at its limit. */
    private static OptionsExecutor opened(OptionsExecutorTest.RecordingContext ctx, OptionStructure structure, int quantity,
            Map<OptionContract, Double> prices) {
        OptionsExecutor ex = new OptionsExecutor(ctx, PHYSICAL);
        ex.open(structure, quantity, chain(OPEN, 100, prices));
        new ArrayList<>(ctx.submitted).forEach(o -> ex.onOrderEvent(fill(o, o.limitPrice().toDouble())));
        assertThat(ex.structures().get(0).state()).isEqualTo(StructureState.OPEN);
        return ex;
    }

    private static List<SubmitOrder> underlyingOrders(OptionsExecutorTest.RecordingContext ctx) {
        return ctx.submitted.stream().filter(o -> o.instrument().equals(XYZ)).toList();
    }

    @Test
    void exercisedOnlyWhenInTheMoneyByAtLeastOneCent() {
        OptionContract c95 = call(EXPIRY, 95);
        OptionStructure longCall = OptionStructure.of("long-call", List.of(StructureLeg.of(c95, Side.BUY)));

        OptionsExecutorTest.RecordingContext below = new OptionsExecutorTest.RecordingContext();
        OptionsExecutor ex = opened(below, longCall, 1, Map.of(c95, 5.00));
        // 95.005 - 95 = 0.005 < 0.01: the call expires, no shares
        ex.manage(chain(EXPIRY, 95.005, Map.of(c95, 0.01)));
        assertThat(underlyingOrders(below)).isEmpty();

        OptionsExecutorTest.RecordingContext at = new OptionsExecutorTest.RecordingContext();
        OptionsExecutor ex2 = opened(at, longCall, 1, Map.of(c95, 5.00));
        // 95.01 - 95 = 0.01: exercised, 100 shares bought
        ex2.manage(chain(EXPIRY, 95.01, Map.of(c95, 0.01)));
        assertThat(underlyingOrders(at)).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.quantity()).isEqualTo(Quantity.of(100));
            assertThat(o.type()).isEqualTo(OrderType.MARKET);
        });
    }

    @Test
    void aRatioSpreadNetsItsDeliveriesIntoOneOrder() {
        OptionContract c95 = call(EXPIRY, 95);
        OptionContract c100 = call(EXPIRY, 100);
        OptionStructure ratio = OptionStructure.of("call-ratio-spread",
                List.of(StructureLeg.of(c95, Side.BUY), new StructureLeg(c100, Side.SELL, 2)));
        Map<OptionContract, Double> open = new LinkedHashMap<>();
        open.put(c95, 6.00);
        open.put(c100, 3.00);
        OptionsExecutorTest.RecordingContext ctx = new OptionsExecutorTest.RecordingContext();
        OptionsExecutor ex = opened(ctx, ratio, 3, open);
        Map<OptionContract, Double> settle = new LinkedHashMap<>();
        settle.put(c95, 9.00);
        settle.put(c100, 4.00);
        ex.manage(chain(EXPIRY, 104, settle));
        // 3 units: long 3 calls at 95 exercised (+300 shares), short 6 calls at 100 assigned (-600): net sell 300
        assertThat(underlyingOrders(ctx)).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(Side.SELL);
            assertThat(o.quantity()).isEqualTo(Quantity.of(300));
        });
    }

    @Test
    void aCalendarsFarLegIsSoldNotExercised() {
        OptionContract near = call(EXPIRY, 100);
        OptionContract far = call(LocalDate.of(2013, 4, 19), 100);
        OptionStructure calendar = OptionStructure.of("call-calendar",
                List.of(StructureLeg.of(near, Side.SELL), StructureLeg.of(far, Side.BUY)));
        Map<OptionContract, Double> open = new LinkedHashMap<>();
        open.put(near, 1.50);
        open.put(far, 3.00);
        OptionsExecutorTest.RecordingContext ctx = new OptionsExecutorTest.RecordingContext();
        OptionsExecutor ex = opened(ctx, calendar, 1, open);
        Map<OptionContract, Double> expiry = new LinkedHashMap<>();
        expiry.put(near, 4.00);
        expiry.put(far, 5.20);
        ex.manage(chain(EXPIRY, 104, expiry));
        // only the expiring short call is assigned: 100 shares sold; the April call is sold at its quote
        assertThat(underlyingOrders(ctx)).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(Side.SELL);
            assertThat(o.quantity()).isEqualTo(Quantity.of(100));
        });
        assertThat(ctx.submitted).filteredOn(o -> o.instrument().equals(far.id())).last()
                .satisfies(o -> assertThat(o.limitPrice().toDouble()).isEqualTo(5.20));
    }

    @Test
    void aDeniedDeliveryIsSentAgainAndTheStructureStaysClosingUntilItFills() {
        OptionContract c95 = call(EXPIRY, 95);
        OptionsExecutorTest.RecordingContext ctx = new OptionsExecutorTest.RecordingContext();
        OptionsExecutor ex = opened(ctx, OptionStructure.of("long-call", List.of(StructureLeg.of(c95, Side.BUY))), 1,
                Map.of(c95, 5.00));
        OptionChain expiry = chain(EXPIRY, 103, Map.of(c95, 8.00));
        ex.manage(expiry);
        SubmitOrder close = ctx.submitted.stream().filter(o -> o.instrument().equals(c95.id())).toList().get(1);
        SubmitOrder delivery = underlyingOrders(ctx).get(0);
        ex.onOrderEvent(fill(close, 8.00));
        ex.onOrderEvent(new OrderDenied(delivery.clientOrderId(), ctx.strategyId(), delivery, "buying-power",
                "insufficient buying power", 0));
        assertThat(ex.structures()).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(StructureState.CLOSING);
            assertThat(v.deliveredShares()).isZero();
        });
        ex.manage(chain(LocalDate.of(2013, 3, 18), 102, Map.of()));
        assertThat(underlyingOrders(ctx)).hasSize(2);
        SubmitOrder retry = underlyingOrders(ctx).get(1);
        assertThat(retry.clientOrderId()).isNotEqualTo(delivery.clientOrderId());
        ex.onOrderEvent(fill(retry, 102));
        assertThat(ex.isFlat()).isTrue();
        StructureView done = ex.closed().get(0);
        assertThat(done.exitReason()).isEqualTo(ExitReason.EXERCISE_ASSIGNMENT);
        assertThat(done.deliveredShares()).isEqualTo(100);
        assertThat(done.deliveryCost()).isEqualTo(10_200.0);
    }

    @Test
    void rulesNeedASettlement() {
        assertThatThrownBy(() -> ExitRules.of(0, 0, -1, -1, 1.0, null)).hasMessageStartingWith("settlement:");
    }
}
