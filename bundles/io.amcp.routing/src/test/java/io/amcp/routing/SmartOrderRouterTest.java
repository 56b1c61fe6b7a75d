package io.amcp.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Clock;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.FileJournal;
import io.amcp.core.journal.Journal;
import io.amcp.datasource.file.BundledDatasets;
import io.amcp.broker.paper.CommissionModel;
import io.amcp.execution.BestExecutionReport;
import io.amcp.execution.ChildFill;
import io.amcp.execution.MarketConditions;
import io.amcp.execution.TcaResult;
import io.amcp.execution.TransactionCostAnalysis;
import io.amcp.execution.internal.TwapAlgorithm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules, fail-over, splitting and idempotency of the smart router over two real paper exchanges. */
class SmartOrderRouterTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final InstrumentId BTC = InstrumentId.of("BTC/USD");
    /** 2023-03-14T12:00:00Z. */
    private static final long T0 = 1_678_795_200_000_000_000L;

    private final SimulatedClock clock = new SimulatedClock(T0);
    private final List<OrderEvent> events = new ArrayList<>();

    private PaperExchange venue(String id) {
        return new PaperExchange(id, clock, PaperSettings.FRICTIONLESS, Instrument::infer);
    }

    /** venue-a takes equities and ETFs at 0.3 bps; venue-b everything at 0.8 bps. */
    private static RoutingPolicy policy() {
        return RoutingPolicy.of(List.of(VenueRule.parse("venueRules", "venue-b:*:0.8"),
                VenueRule.of("venue-a", EnumSet.of(AssetClass.EQUITY, AssetClass.ETF), 0.3)));
    }

    private static SubmitOrder market(InstrumentId symbol, long qty, String id) {
        return SubmitOrder.market(symbol, Side.BUY, Quantity.of(qty)).withClientOrderId(ClientOrderId.of(id));
    }

    private List<ClientOrderId> accepted() {
        return events.stream().filter(e -> e instanceof OrderAccepted).map(OrderEvent::clientOrderId).toList();
    }

    @Test
    void routesByAssetClassAndFeeAndFailsOverWhenTheCheapVenueIsDown() {
        PaperExchange a = venue("venue-a");
        PaperExchange b = venue("venue-b");
        SmartOrderRouter router = new SmartOrderRouter(policy(), Instrument::infer, clock);
        router.addVenue(a);
        router.addVenue(b);
        router.connect(events::add);

        router.submit(market(AAPL, 10, "o-1")); // equity: a (0.3 bps) before b (0.8 bps)
        router.submit(market(BTC, 1, "o-2")); // crypto: only b takes it
        assertThat(router.venuesOf(ClientOrderId.of("o-1"))).containsExactly("venue-a");
        assertThat(router.venuesOf(ClientOrderId.of("o-2"))).containsExactly("venue-b");
        assertThat(a.workingOrders()).isEqualTo(1);
        assertThat(b.workingOrders()).isEqualTo(1);

        a.disconnect(); // venue-a loses its session
        router.submit(market(AAPL, 10, "o-3"));
        assertThat(router.venuesOf(ClientOrderId.of("o-3"))).containsExactly("venue-b");
        assertThat(a.workingOrders()).isEqualTo(1);
        assertThat(b.workingOrders()).isEqualTo(2);

        b.disconnect();
        router.submit(market(AAPL, 10, "o-4"));
        assertThat(events).filteredOn(e -> e.clientOrderId().value().equals("o-4")).singleElement()
                .isInstanceOfSatisfying(OrderRejected.class, r -> assertThat(r.reason())
                        .isEqualTo("no venue online for AAPL, tried [venue-a, venue-b]"));
        assertThat(router.status().state()).isEqualTo(io.amcp.api.spi.PluginStatus.State.OFFLINE);
        assertThat(router.statistics()).containsExactly(new VenueStatistics("venue-a", 1, 2, false),
                new VenueStatistics("venue-b", 2, 1, false));
        assertThat(accepted()).containsExactly(ClientOrderId.of("o-1"), ClientOrderId.of("o-2"), ClientOrderId.of("o-3"));
    }

    /**
     * A connector that lost its session without noticing yet: it still says ONLINE, but refuses orders
     * by throwing until the session is back (how a remote connector behaves between a dropped socket
     * and its next heartbeat); orders are held by a real paper exchange.
     */
    private static final class DroppedSession implements io.amcp.api.spi.BrokerConnector {
        final PaperExchange exchange;
        boolean sessionLost;

        DroppedSession(PaperExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public String id() {
            return exchange.id();
        }

        @Override
        public void connect(io.amcp.api.spi.BrokerListener listener) {
            exchange.connect(listener);
        }

        @Override
        public void disconnect() {
            exchange.disconnect();
        }

        @Override
        public void submit(SubmitOrder order) {
            if (sessionLost) {
                throw new IllegalStateException("session lost");
            }
            exchange.submit(order);
        }

        @Override
        public void cancel(ClientOrderId clientOrderId) {
            exchange.cancel(clientOrderId);
        }

        @Override
        public void replace(io.amcp.api.order.ReplaceOrder replace) {
            exchange.replace(replace);
        }
    }

    @Test
    void aVenueThatRefusesAnOrderIsPassedOverForTheCooldownAndTheOrderGoesOnceToTheNext() {
        DroppedSession a = new DroppedSession(venue("venue-a"));
        PaperExchange b = venue("venue-b");
        SmartOrderRouter router = new SmartOrderRouter(policy(), Instrument::infer, clock);
        router.addVenue(a);
        router.addVenue(b);
        router.connect(events::add);
        a.sessionLost = true;
        router.submit(market(AAPL, 10, "o-1"));
        assertThat(router.venuesOf(ClientOrderId.of("o-1"))).containsExactly("venue-b");
        a.sessionLost = false; // back, but the router waits out the 30 s cooldown
        clock.advanceTo(T0 + 29_000_000_000L);
        router.submit(market(AAPL, 10, "o-2"));
        assertThat(router.venuesOf(ClientOrderId.of("o-2"))).containsExactly("venue-b");
        clock.advanceTo(T0 + 30_000_000_000L);
        router.submit(market(AAPL, 10, "o-3"));
        assertThat(router.venuesOf(ClientOrderId.of("o-3"))).containsExactly("venue-a");
        assertThat(a.exchange.workingOrders()).isEqualTo(1);
        assertThat(b.workingOrders()).isEqualTo(2);
        assertThat(accepted()).containsExactly(ClientOrderId.of("o-1"), ClientOrderId.of("o-2"), ClientOrderId.of("o-3"));
        assertThat(router.statistics()).containsExactly(new VenueStatistics("venue-a", 1, 2, true),
                new VenueStatistics("venue-b", 2, 0, true));
    }

    /**
     * After a restart of the platform the router knows no route; the kernel's reconciliation asks it
     * about the open orders: the durable venue that holds one re-sends its events and keeps it (a cancel
     * reaches it), an order no venue ever received is reported unknown, and nothing is sent again.
     */
    @Test
    void afterARestartTheVenueHoldingAnOrderIsFoundByAskingTheVenues(@TempDir Path dir) {
        PaperSettings settings = PaperSettings.FRICTIONLESS;
        FileJournal before = new FileJournal(dir.resolve("b.journal"), false);
        PaperExchange b = new PaperExchange("venue-b", clock, settings, Instrument::infer, before);
        SmartOrderRouter router = new SmartOrderRouter(policy(), Instrument::infer, clock);
        router.addVenue(b);
        router.connect(e -> { });
        router.submit(SubmitOrder.limit(BTC, Side.BUY, Quantity.of(1), io.amcp.api.model.Price.of("10"))
                .withClientOrderId(ClientOrderId.of("o-1")));
        before.close();

        FileJournal after = new FileJournal(dir.resolve("b.journal"), false);
        PaperExchange restartedB = new PaperExchange("venue-b", clock, settings, Instrument::infer, after);
        PaperExchange a = venue("venue-a");
        SmartOrderRouter restarted = new SmartOrderRouter(policy(), Instrument::infer, clock);
        restarted.addVenue(a);
        restarted.addVenue(restartedB);
        restarted.connect(events::add);
        assertThat(restarted.resend(List.of(ClientOrderId.of("o-1"), ClientOrderId.of("o-2"))))
                .containsExactly(ClientOrderId.of("o-2"));
        assertThat(accepted()).containsExactly(ClientOrderId.of("o-1"));
        assertThat(restarted.venuesOf(ClientOrderId.of("o-1"))).containsExactly("venue-b");
        restarted.cancel(ClientOrderId.of("o-1"));
        assertThat(restartedB.workingOrders()).isZero();
        assertThat(events).filteredOn(e -> e instanceof io.amcp.api.order.OrderCanceled).extracting(OrderEvent::clientOrderId)
                .containsExactly(ClientOrderId.of("o-1"));
        restarted.submit(market(BTC, 1, "o-1"));
        assertThat(events).last().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo("duplicate client order id"));
        assertThat(a.workingOrders()).isZero();
        after.close();
    }

    @Test
    void aClientOrderIdIsNeverSentTwice() {
        PaperExchange a = venue("venue-a");
        SmartOrderRouter router = new SmartOrderRouter(policy(), Instrument::infer, clock);
        router.addVenue(a);
        router.connect(events::add);
        router.submit(market(AAPL, 10, "o-1"));
        router.submit(market(AAPL, 20, "o-1"));
        assertThat(a.workingOrders()).isEqualTo(1);
        assertThat(accepted()).containsExactly(ClientOrderId.of("o-1"));
        assertThat(events).filteredOn(e -> e instanceof OrderRejected).singleElement()
                .isInstanceOfSatisfying(OrderRejected.class, r -> assertThat(r.reason()).isEqualTo("duplicate client order id"));
        assertThat(router.statistics().get(0).orders()).isEqualTo(1);
    }

    @Test
    void rulesWithUnknownAssetClassesOrTwoRulesForOneVenueAreRefusedNamingTheField() {
        assertThatThrownBy(() -> VenueRule.parse("venueRules", "paper:STOCKS:1"))
                .hasMessageStartingWith("venueRules: unknown asset class 'STOCKS'");
        assertThatThrownBy(() -> VenueRule.parse("venueRules", "paper:*"))
                .hasMessageStartingWith("venueRules: expected <venue>:<asset classes>:<fee bps>");
        assertThatThrownBy(() -> VenueRule.parse("venueRules", "paper:*:-1")).hasMessageStartingWith("venueRules: feeBps");
        assertThatThrownBy(() -> RoutingPolicy.of(List.of(VenueRule.parse("r", "p:*:1"), VenueRule.parse("r", "p:ETF:2"))))
                .hasMessageStartingWith("venueRules: venue p has two rules");
        assertThatThrownBy(() -> RoutingPolicy.of(List.of()).splittingAbove(Quantity.of(100), 1))
                .hasMessageStartingWith("maxVenuesPerOrder:");
    }

    @Test
    void aLargeOrderIsSplitAcrossVenuesAndTheKernelSeesOneFilledOrder() {
        Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("100000000"), 1.0);
        PaperExchange a = venue("venue-a");
        PaperExchange b = venue("venue-b");
        SmartOrderRouter router = new SmartOrderRouter(RoutingPolicy.of(List.of(VenueRule.parse("v", "venue-a:*:0.3"),
                VenueRule.parse("v", "venue-b:*:0.8"))).splittingAbove(Quantity.of(5_000), 2), Instrument::infer, clock);
        router.addVenue(a);
        router.addVenue(b);
        kernel.addBroker(router);
        kernel.addMarketDataSink(a);
        kernel.addMarketDataSink(b);

        kernel.submit(StrategyId.of("desk"), market(BTC, 10_001, "big-1"));
        // 10,001 in whole units over two venues: 5,000 each, the odd unit to the cheaper venue
        assertThat(router.venuesOf(ClientOrderId.of("big-1"))).containsExactly("venue-a", "venue-b");
        kernel.processBar(Bar.of(BTC, T0 + 60_000_000_000L, 100, 101, 99, 100.5, 1_000_000));

        OrderView done = kernel.order(ClientOrderId.of("big-1"));
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.filledQuantity()).isEqualTo(Quantity.of(10_001));
        assertThat(kernel.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(Quantity.of(10_001)));
        assertThat(a.workingOrders()).isZero();
        assertThat(b.workingOrders()).isZero();
        assertThat(router.statistics()).extracting(VenueStatistics::orders).containsExactly(1L, 1L);
        assertThat(kernel.errorCount()).isZero();
    }

    @Test
    void aSplitOrderWhoseVenuesRefuseItIsRejectedOnce() {
        PaperExchange a = new PaperExchange("venue-a", clock, PaperSettings.FRICTIONLESS, i -> null); // knows no instrument
        PaperExchange b = new PaperExchange("venue-b", clock, PaperSettings.FRICTIONLESS, i -> null);
        SmartOrderRouter router = new SmartOrderRouter(RoutingPolicy.of(List.of()).splittingAbove(Quantity.of(10), 2),
                Instrument::infer, clock);
        router.addVenue(a);
        router.addVenue(b);
        router.connect(events::add);
        router.submit(market(BTC, 100, "big-2"));
        assertThat(events).singleElement().isInstanceOfSatisfying(OrderRejected.class, r -> {
            assertThat(r.clientOrderId()).isEqualTo(ClientOrderId.of("big-2"));
            assertThat(r.reason()).startsWith("big-2.s1 at venue-a: rejected, ").contains("; big-2.s2 at venue-b: rejected, ");
        });
    }

    /**
     * A TWAP parent on real ETH 5-minute bars, routed over two durable paper exchanges; the cheaper one
     * goes down for ten bars with a child working on it and comes back. Every child reaches exactly one
     * venue, nothing is lost, the parent completes.
     */
    @Test
    void aVenueGoingDownMidRunLosesAndDuplicatesNoChild(@TempDir Path dir) {
        BarSeries eth = new BundledDatasets().load(BundledDatasets.ETH_5MIN).get(0);
        SimulatedClock kernelClock = new SimulatedClock(eth.time()[0] - 1);
        Kernel kernel = new Kernel(kernelClock, Journal.NONE, Money.of("100000000"), 1.0);
        kernel.registerInstrument(eth.instrument());
        FileJournal ja = new FileJournal(dir.resolve("a.journal"), false);
        FileJournal jb = new FileJournal(dir.resolve("b.journal"), false);
        PaperExchange a = new PaperExchange("venue-a", kernelClock, new PaperSettings(0, new CommissionModel.Bps(0.3), 0),
                Instrument::infer, ja);
        PaperExchange b = new PaperExchange("venue-b", kernelClock, new PaperSettings(0, new CommissionModel.Bps(0.8), 0),
                Instrument::infer, jb);
        SmartOrderRouter router = new SmartOrderRouter(RoutingPolicy.of(List.of(VenueRule.parse("v", "venue-a:*:0.3"),
                VenueRule.parse("v", "venue-b:*:0.8"))), Instrument::infer, kernelClock);
        router.addVenue(a);
        router.addVenue(b);
        kernel.addBroker(router);
        kernel.addMarketDataSink(a);
        kernel.addMarketDataSink(b);
        kernel.addAlgorithm(new TwapAlgorithm(300));

        kernel.processBar(eth.bar(0));
        long start = eth.time()[0];
        ParentOrder parent = new ParentOrder(ClientOrderId.of("twap-1"), eth.instrument().id(), Side.BUY, Quantity.of(400),
                null, start, start + 40 * 300_000_000_000L, "twap", Map.of("slice_interval_seconds", "300"));
        kernel.submitAlgo(StrategyId.of("desk"), parent);
        for (int i = 1; i < 60; i++) {
            if (i == 15) { // venue-a's process stops: no matching, its connector service goes away
                kernel.removeMarketDataSink(a);
                router.removeVenue(a);
            }
            if (i == 25) { // and comes back with its journaled book
                router.addVenue(a);
                kernel.addMarketDataSink(a);
            }
            kernel.processBar(eth.bar(i));
        }

        AlgoStatus status = kernel.algos().get(0);
        assertThat(status.state()).isEqualTo("DONE");
        assertThat(status.filled()).isEqualTo(Quantity.of(400));
        Map<ClientOrderId, Integer> acceptances = new HashMap<>();
        double filledAtVenues = 0;
        List<OrderEvent> all = new ArrayList<>(a.history());
        all.addAll(b.history());
        for (OrderEvent e : all) {
            if (e instanceof OrderAccepted acc) {
                acceptances.merge(acc.clientOrderId(), 1, Integer::sum);
            } else if (e instanceof OrderFilled f) {
                filledAtVenues += f.quantity().toDouble();
            }
        }
        assertThat(all).noneMatch(e -> e instanceof OrderRejected);
        assertThat(acceptances.keySet()).containsExactlyInAnyOrderElementsOf(status.children());
        assertThat(acceptances.values()).allMatch(n -> n == 1);
        assertThat(filledAtVenues).isEqualTo(400);
        // venue-a worked children before and after the outage, venue-b took the ones sent meanwhile
        assertThat(a.history()).filteredOn(e -> e instanceof OrderAccepted).hasSizeGreaterThan(10);
        assertThat(b.history()).filteredOn(e -> e instanceof OrderAccepted).hasSizeGreaterThan(5);
        assertThat(router.statistics().get(0).failovers()).isPositive();
        assertThat(kernel.orders()).filteredOn(o -> status.children().contains(o.clientOrderId()))
                .allSatisfy(o -> assertThat(o.status()).isIn(OrderStatus.FILLED, OrderStatus.CANCELED));
        double kernelFilled = kernel.orders().stream().filter(o -> status.children().contains(o.clientOrderId()))
                .mapToDouble(o -> o.filledQuantity().toDouble()).sum();
        assertThat(kernelFilled).isEqualTo(400);
        assertThat(kernel.errorCount()).isZero();

        // best execution across the two venues: fees as the venues charge them, orders as the router sent them
        List<ChildFill> fills = new ArrayList<>();
        fills.addAll(ChildFill.fromFills(a.history().stream().filter(e -> e instanceof OrderFilled).map(e -> (OrderFilled) e)
                .toList(), "venue-a"));
        fills.addAll(ChildFill.fromFills(b.history().stream().filter(e -> e instanceof OrderFilled).map(e -> (OrderFilled) e)
                .toList(), "venue-b"));
        TcaResult tca = TransactionCostAnalysis.analyse(status, fills, MarketConditions.fromBars(eth));
        List<BestExecutionReport.VenueRouting> routing = router.statistics().stream()
                .map(v -> new BestExecutionReport.VenueRouting(v.venue(), v.orders(), v.failovers())).toList();
        List<BestExecutionReport.VenueLine> lines = BestExecutionReport.lines(List.of(tca), routing);
        assertThat(lines).extracting(BestExecutionReport.VenueLine::venue).containsExactly("venue-a", "venue-b");
        assertThat(lines.get(0).feesBps()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(lines.get(1).feesBps()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.01));
        assertThat(lines.get(0).orders() + lines.get(1).orders()).isEqualTo(status.children().size());
        assertThat(lines.get(0).notionalShare() + lines.get(1).notionalShare()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        BestExecutionReport.write(Path.of("target", "best-execution-two-venues.html"), List.of(tca), routing);
        assertThat(Path.of("target", "best-execution-two-venues.html")).content().contains("<td>venue-a</td>", "<td>venue-b</td>");
        ja.close();
        jb.close();
    }
}
