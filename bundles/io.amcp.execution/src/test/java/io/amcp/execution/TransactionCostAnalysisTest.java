package io.amcp.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TCA figures against a hand calculation. */
class TransactionCostAnalysisTest {

    @Test
    void shortfallSlippageImpactAndFeesByHand() {
        ParentOrder parent = new ParentOrder(ClientOrderId.of("p-1"), InstrumentId.of("AAPL"), Side.BUY, Quantity.of(20),
                null, 1, 1000, "twap", Map.of());
        AlgoStatus status = new AlgoStatus(parent, StrategyId.of("s"), "DONE", "filled", Quantity.of(20), Price.of("101.5"),
                List.of(ClientOrderId.of("p-1-c1"), ClientOrderId.of("p-1-c2")), Price.of("100"), Price.of("101"));
        List<ChildFill> fills = List.of(
                new ChildFill(ClientOrderId.of("p-1-c1"), "paper", 10, Quantity.of(10), Price.of("101"), Money.of("1")),
                new ChildFill(ClientOrderId.of("p-1-c2"), "alpaca", 20, Quantity.of(10), Price.of("102"), Money.of("2")),
                new ChildFill(ClientOrderId.of("other"), "paper", 30, Quantity.of(5), Price.of("90"), Money.of("9")));
        TcaResult r = TransactionCostAnalysis.analyse(status, fills, new MarketConditions(2_000, 0.02));
        // average (10 x 101 + 10 x 102) / 20 = 101.5; IS = (101.5 - 100) / 100 = 150 bps; vs VWAP (101.5 - 101) / 101 = 49.50 bps
        assertThat(r.averagePrice()).isEqualTo(Price.of("101.5"));
        assertThat(r.shortfallBps()).isCloseTo(150.0, offset(1e-9));
        assertThat(r.vwapSlippageBps()).isCloseTo(49.504950495, offset(1e-6));
        // impact: 1.0 x 0.02 x sqrt(20 / 2000) = 0.002 = 20 bps; fees 3 on notional 2030 = 14.778 bps
        assertThat(r.impactBps()).isCloseTo(20.0, offset(1e-9));
        assertThat(r.fees()).isEqualTo(Money.of("3"));
        assertThat(r.feesBps()).isCloseTo(3 / 2030.0 * 10_000, offset(1e-9));
        // venues: paper bought at 101 = VWAP (0 bps), alpaca at 102: (102 - 101) / 101 = 99.01 bps
        Map<String, TransactionCostAnalysis.VenueSummary> venues = TransactionCostAnalysis.byVenue(List.of(r));
        assertThat(venues.get("paper").vwapSlippageBps()).isCloseTo(0, offset(1e-9));
        assertThat(venues.get("alpaca").vwapSlippageBps()).isCloseTo(99.00990099, offset(1e-6));
        assertThat(TransactionCostAnalysis.byAlgorithm(List.of(r)).get("twap").shortfallBps()).isCloseTo(150.0, offset(1e-9));

        // best execution: paper 1010 notional, fee 1 = 9.90 bps, all-in 9.90; alpaca 1020, fee 2 = 19.61 bps,
        // all-in 99.01 + 19.61 = 118.62; shares 1010 / 2030 = 49.75% and 50.25%; ibkr was only failed over
        List<BestExecutionReport.VenueLine> lines = BestExecutionReport.lines(List.of(r), List.of(
                new BestExecutionReport.VenueRouting("paper", 3, 1), new BestExecutionReport.VenueRouting("alpaca", 1, 0),
                new BestExecutionReport.VenueRouting("ibkr", 0, 2)));
        assertThat(lines).extracting(BestExecutionReport.VenueLine::venue).containsExactly("alpaca", "ibkr", "paper");
        BestExecutionReport.VenueLine paper = lines.get(2);
        assertThat(paper.notional()).isCloseTo(1010, offset(1e-9));
        assertThat(paper.notionalShare()).isCloseTo(1010 / 2030.0, offset(1e-12));
        assertThat(paper.feesBps()).isCloseTo(1 / 1010.0 * 10_000, offset(1e-9));
        assertThat(paper.allInBps()).isCloseTo(9.900990099, offset(1e-6));
        assertThat(paper.orders()).isEqualTo(3);
        assertThat(lines.get(0).allInBps()).isCloseTo(100 / 101.0 * 100 + 2 / 1020.0 * 10_000, offset(1e-9));
        assertThat(lines.get(1)).isEqualTo(new BestExecutionReport.VenueLine("ibkr", 0, 0, 0, 0, 0, 0, 0, 2));
        assertThat(BestExecutionReport.html(List.of(r), List.of())).contains("<td>paper</td><td>1</td><td>1010.00</td>"
                + "<td>49.75%</td><td>0.00</td><td>9.90</td><td>9.90</td><td>n/a</td><td>n/a</td>", "<svg", "By algorithm and venue");
    }
}
