package io.amcp.core;

import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.MarketDataSink;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal venue for kernel unit tests: accepts every order and fills market orders completely at
 * the next bar's open with a fixed commission. The real matching engine is io.amcp.broker.paper;
 * this one keeps the kernel's tests independent of it.
 */
final class ScriptedVenue implements BrokerConnector, MarketDataSink {

    private final List<SubmitOrder> working = new ArrayList<>();
    private final Money commission;
    private BrokerListener listener;
    private long time;
    private int trades;
    final List<SubmitOrder> received = new ArrayList<>();

    ScriptedVenue(Money commission) {
        this.commission = commission;
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public void connect(BrokerListener l) {
        this.listener = l;
    }

    @Override
    public void disconnect() {
    }

    @Override
    public void submit(SubmitOrder order) {
        received.add(order);
        working.add(order);
        listener.onOrderEvent(new OrderAccepted(order.clientOrderId(), OrderId.of("V" + received.size()), time));
    }

    @Override
    public void cancel(ClientOrderId id) {
        working.removeIf(o -> o.clientOrderId().equals(id));
        listener.onOrderEvent(new OrderCanceled(id, "user", time));
    }

    @Override
    public void replace(ReplaceOrder replace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void onBar(Bar bar) {
        time = bar.time();
        List<SubmitOrder> due = new ArrayList<>(working);
        working.clear();
        for (SubmitOrder o : due) {
            listener.onOrderEvent(new OrderFilled(o.clientOrderId(), "T" + (++trades), o.instrument(), o.side(),
                    o.quantity(), Price.ofRaw(bar.open()), commission, bar.time()));
        }
    }
}
