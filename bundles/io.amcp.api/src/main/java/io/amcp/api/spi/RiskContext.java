package io.amcp.api.spi;

import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import java.util.List;

/** What a risk rule may look at. Read on the kernel thread; never blocks. */
public interface RiskContext {

    AccountView account();

    /**
     * Buying power alone, what most rules need on every order; the default reads {@link #account()},
     * hosts override it to skip building the whole account view.
     */
    default Money buyingPower() {
        return account().buyingPower();
    }

    PositionView position(InstrumentId instrument);

    /** Every open (non-flat) position of the account; the default knows none (hosts override it). */
    default List<PositionView> positions() {
        return List.of();
    }

    /** Last known trade/close price, or null if the instrument was never priced. */
    Price lastPrice(InstrumentId instrument);

    Instrument instrument(InstrumentId instrument);

    /** Orders that can still fill. */
    List<OrderView> openOrders();

    boolean killSwitchEngaged();

    Clock clock();

    /**
     * Stop trading: cancel working orders, flatten every position with market orders owned by
     * {@code risk}, then engage the kill switch with {@code reason}. Runs after the current event
     * (never re-enters the kernel from inside a rule).
     */
    default void stopTrading(String reason) {
        throw new UnsupportedOperationException("stopTrading is not available in this host");
    }

    /**
     * Submits an order owned by {@code risk} (e.g. a hedge that reduces a breached exposure) after the
     * current event. It goes through the risk chain like any other order, except that the kill switch
     * lets orders that only reduce positions pass.
     */
    default void submitRiskOrder(SubmitOrder order, String reason) {
        throw new UnsupportedOperationException("submitRiskOrder is not available in this host");
    }

    /** Reports a breach whose action is ALERT (and any other action, for the record). */
    default void alert(String rule, String message) {
    }
}
