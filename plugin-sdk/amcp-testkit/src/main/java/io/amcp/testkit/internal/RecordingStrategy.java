package io.amcp.testkit.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Quote;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import java.util.ArrayList;
import java.util.List;

/** Passes every callback to the strategy under test and keeps the order events it was told about. */
public final class RecordingStrategy implements Strategy {

    private final Strategy delegate;
    private final List<OrderEvent> events = new ArrayList<>();

    public RecordingStrategy(Strategy delegate) {
        this.delegate = delegate;
    }

    /** The order events delivered so far. */
    public List<OrderEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public StrategyId id() {
        return delegate.id();
    }

    @Override
    public void onStart(StrategyContext context) {
        delegate.onStart(context);
    }

    @Override
    public void onBar(Bar bar) {
        delegate.onBar(bar);
    }

    @Override
    public void onQuote(Quote quote) {
        delegate.onQuote(quote);
    }

    @Override
    public void onTrade(TradeTick trade) {
        delegate.onTrade(trade);
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
        events.add(event);
        delegate.onOrderEvent(event);
    }

    @Override
    public void onStop() {
        delegate.onStop();
    }

    @Override
    public StrategyState snapshot() {
        return delegate.snapshot();
    }

    @Override
    public void restore(StrategyState state) {
        delegate.restore(state);
    }
}
