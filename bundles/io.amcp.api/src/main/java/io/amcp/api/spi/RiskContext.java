package io.amcp.api.spi;

import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.order.OrderView;
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

    /** Last known trade/close price, or null if the instrument was never priced. */
    Price lastPrice(InstrumentId instrument);

    Instrument instrument(InstrumentId instrument);

    /** Orders that can still fill. */
    List<OrderView> openOrders();

    boolean killSwitchEngaged();

    Clock clock();
}
