package io.amcp.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Orders worked out by hand. */
class RebalancerTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final InstrumentId MSFT = InstrumentId.of("MSFT");
    private static final InstrumentId SPY = InstrumentId.of("SPY");

    // NAV = 2,000 cash + 100 AAPL x 100 + 50 MSFT x 200 = 22,000; current weights AAPL 10/22, MSFT 10/22.
    private static final Map<InstrumentId, Quantity> POSITIONS = Map.of(AAPL, Quantity.of(100), MSFT, Quantity.of(50));
    private static final Map<InstrumentId, Price> PRICES = Map.of(AAPL, Price.of("100"), MSFT, Price.of("200"),
            SPY, Price.of("400"));

    @Test
    void reachesTheTargetRoundedDownToLots() {
        // Targets: AAPL 25% = 5,500 -> 55 shares (sell 45); MSFT 25% = 5,500 -> 27.5 shares (sell 22.5 -> 22);
        // SPY 50% = 11,000 -> 27.5 shares, lots of 10 -> buy 20.
        List<RebalanceOrder> orders = Rebalancer.orders(POSITIONS, Money.of("2000"), PRICES,
                Map.of(AAPL, 0.25, MSFT, 0.25, SPY, 0.50), Map.of(SPY, Quantity.of(10)), Double.POSITIVE_INFINITY);

        assertThat(orders).containsExactly(
                RebalanceOrder.of(AAPL, Side.SELL, Quantity.of(45)),
                RebalanceOrder.of(MSFT, Side.SELL, Quantity.of(22)),
                RebalanceOrder.of(SPY, Side.BUY, Quantity.of(20)));
    }

    @Test
    void turnoverLimitScalesEveryMoveByTheSameFraction() {
        // Full move: AAPL 10/22 -> 0, MSFT 10/22 -> 0, SPY 0 -> 1: turnover 20/22 + 1 = 42/22.
        // Limit 21/22 halves every move: sell 50 AAPL, sell 25 MSFT, buy SPY worth 11,000 = 27.5 -> 27.
        List<RebalanceOrder> orders = Rebalancer.orders(POSITIONS, Money.of("2000"), PRICES, Map.of(SPY, 1.0), Map.of(),
                21.0 / 22);

        assertThat(orders).containsExactly(
                RebalanceOrder.of(AAPL, Side.SELL, Quantity.of(50)),
                RebalanceOrder.of(MSFT, Side.SELL, Quantity.of(25)),
                RebalanceOrder.of(SPY, Side.BUY, Quantity.of(27)));
    }

    @Test
    void missingPriceIsRejectedNamingTheField() {
        assertThatThrownBy(() -> Rebalancer.orders(POSITIONS, Money.of("0"), Map.of(AAPL, Price.of("1")),
                Map.of(AAPL, 1.0), Map.of(), 1))
                .hasMessageStartingWith("prices:");
    }
}
