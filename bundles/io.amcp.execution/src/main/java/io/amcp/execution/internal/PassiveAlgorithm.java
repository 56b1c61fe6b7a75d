package io.amcp.execution.internal;

import io.amcp.api.execution.AlgoContext;
import io.amcp.api.execution.AlgoWorker;
import io.amcp.api.execution.ExecutionAlgorithm;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Passive, then market: posts the whole parent as a limit order at the touch (the best bid for a
 * buy, the best ask for a sell, from the last quote; the last trade or bar close when no quote was
 * seen; never beyond the parent's limit) and waits. After {@code timeout_seconds} on the kernel
 * clock it cancels what still rests and, once the cancel is confirmed, sends the unfilled rest as a
 * market order (a limit order at the parent's limit when it has one). A price known only after the
 * start posts at the first market event.
 *
 * <p>Parameters: {@code timeout_seconds} (positive; default from the configuration).
 */
@Component(service = ExecutionAlgorithm.class, configurationPid = "io.amcp.execution.passive")
@Designate(ocd = PassiveConfig.class)
public final class PassiveAlgorithm implements ExecutionAlgorithm {

    static final String NAME = "passive";

    private final double defaultTimeoutSeconds;

    public PassiveAlgorithm(double defaultTimeoutSeconds) {
        Params.requirePositive("timeoutSeconds", defaultTimeoutSeconds);
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
    }

    @Activate
    public PassiveAlgorithm(PassiveConfig config) {
        this(config.timeoutSeconds());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AlgoWorker start(ParentOrder parent, AlgoContext context) {
        long timeout = Params.seconds(parent, "timeout_seconds", defaultTimeoutSeconds);
        return new PassiveWorker(context, timeout).arm();
    }

    /** Rests at the touch until the timeout, then crosses. */
    static final class PassiveWorker extends AbstractWorker {
        private final long timeout;
        private final List<ClientOrderId> resting = new ArrayList<>();
        private Price touch;
        private boolean posted;
        private boolean crossing;
        private boolean marketSent;

        PassiveWorker(AlgoContext context, long timeout) {
            super(context);
            this.timeout = timeout;
        }

        @Override
        void onMarket(Bar bar, Quote quote, TradeTick trade) {
            if (quote != null) {
                touch = parent.side() == Side.BUY ? quote.bidPrice() : quote.askPrice();
            } else if (trade != null && touch == null) {
                touch = trade.tradePrice();
            } else if (bar != null && touch == null) {
                touch = bar.closePrice();
            }
            post(context.clock().nanos());
        }

        @Override
        void onBegin(long now) {
            post(now);
        }

        private void post(long now) {
            if (posted || crossing || touch == null) {
                return;
            }
            posted = true;
            resting.add(context.submitChild(context.unworked(), OrderType.LIMIT, touch, TimeInForce.GTC));
            context.scheduleAt(now + timeout, this::cross);
        }

        private void cross() {
            crossing = true;
            if (context.working().isPositive()) {
                List.copyOf(resting).forEach(context::cancelChild);
            } else {
                sendMarket();
            }
        }

        @Override
        public void onChildEvent(OrderEvent event) {
            if (marketSent && (event instanceof OrderDenied || event instanceof OrderRejected)) {
                context.complete("market child " + event.clientOrderId() + " refused");
                return;
            }
            if (crossing && context.working().isZero()) {
                sendMarket();
            }
        }

        private void sendMarket() {
            if (!marketSent && context.unworked().isPositive()) {
                marketSent = true;
                context.submitChild(context.unworked(), OrderType.MARKET, null, TimeInForce.GTC);
            }
        }
    }
}
