package io.amcp.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.core.ledger.Ledger;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    private static long p(String s) {
        return Price.of(s).raw();
    }

    private static long q(long units) {
        return Quantity.of(units).raw();
    }

    @Test
    void averageCostRealizedPnlAndCashByHand() {
        Ledger ledger = new Ledger(Money.of("10000"), 1.0);
        ledger.applyFill(AAPL, Side.BUY, q(10), p("100"), Money.of("1").raw());
        ledger.applyFill(AAPL, Side.BUY, q(10), p("110"), Money.of("1").raw());
        // average cost (10*100 + 10*110) / 20 = 105; cash 10000 - 1000 - 1 - 1100 - 1 = 7898
        assertThat(ledger.position(AAPL, 0).averageCost()).isEqualTo(Price.of("105"));
        assertThat(ledger.cashRaw()).isEqualTo(Money.of("7898").raw());

        ledger.applyFill(AAPL, Side.SELL, q(15), p("120"), Money.of("1").raw());
        // realised: 15 * (120 - 105) = 225, minus three commissions of 1 = 222
        // cash: 7898 + 1800 - 1 = 9697; remaining 5 @ 105
        assertThat(ledger.account().realizedPnl()).isEqualTo(Money.of("222"));
        assertThat(ledger.cashRaw()).isEqualTo(Money.of("9697").raw());
        assertThat(ledger.quantityRaw(AAPL)).isEqualTo(q(5));
        assertThat(ledger.position(AAPL, 0).averageCost()).isEqualTo(Price.of("105"));

        ledger.mark(AAPL, p("130"));
        // equity = 9697 + 5 * 130 = 10347; unrealised = 5 * (130 - 105) = 125
        assertThat(ledger.account().equity()).isEqualTo(Money.of("10347"));
        assertThat(ledger.account().unrealizedPnl()).isEqualTo(Money.of("125"));
    }

    @Test
    void flipFromLongToShortResetsAverageCost() {
        Ledger ledger = new Ledger(Money.of("10000"), 2.0);
        ledger.applyFill(AAPL, Side.BUY, q(10), p("50"), 0);
        ledger.applyFill(AAPL, Side.SELL, q(30), p("60"), 0);
        // closes 10 for +100, opens 20 short at 60
        assertThat(ledger.account().realizedPnl()).isEqualTo(Money.of("100"));
        assertThat(ledger.quantityRaw(AAPL)).isEqualTo(-q(20));
        assertThat(ledger.position(AAPL, 0).averageCost()).isEqualTo(Price.of("60"));
        ledger.mark(AAPL, p("55"));
        // short 20 from 60 marked at 55: unrealised +100; cash 10000 - 500 + 1800 = 11300; equity 11300 - 1100 = 10200
        assertThat(ledger.account().unrealizedPnl()).isEqualTo(Money.of("100"));
        assertThat(ledger.account().equity()).isEqualTo(Money.of("10200"));
        // buying power 2 x 10200 - 1100 gross = 19300
        assertThat(ledger.account().buyingPower()).isEqualTo(Money.of("19300"));
    }

    @Test
    void optionMultiplierScalesNotional() {
        Ledger ledger = new Ledger(Money.of("10000"), 1.0);
        InstrumentId call = InstrumentId.of("AAPL240119C00150000");
        ledger.setMultiplier(call, 100);
        ledger.applyFill(call, Side.BUY, q(2), p("3.25"), Money.of("1.30").raw());
        // 2 contracts x 3.25 x 100 = 650, plus 1.30 commission
        assertThat(ledger.cashRaw()).isEqualTo(Money.of("9348.70").raw());
    }
}
