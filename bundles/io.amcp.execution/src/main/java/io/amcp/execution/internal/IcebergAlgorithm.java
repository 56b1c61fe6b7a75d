package io.amcp.execution.internal;

import io.amcp.api.execution.AlgoContext;
import io.amcp.api.execution.AlgoWorker;
import io.amcp.api.execution.ExecutionAlgorithm;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.TimeInForce;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Iceberg: only a display quantity works at the venue, as a limit order at the parent's limit
 * price; when the displayed child is done (filled, or canceled/expired by the venue) the next one,
 * {@code min(display, unfilled)}, is posted. A partial fill does not refill. A child refused by the
 * risk chain or the venue ends the parent (posting again would be refused again). At the end time
 * what is left is canceled.
 *
 * <p>Parameters: {@code display} (positive quantity; default {@code displayFraction} of the parent,
 * at least one lot), {@code limit_price} (used when the parent has no limit; one of the two is required).
 */
@Component(service = ExecutionAlgorithm.class, configurationPid = "io.amcp.execution.iceberg")
@Designate(ocd = IcebergConfig.class)
public final class IcebergAlgorithm implements ExecutionAlgorithm {

    static final String NAME = "iceberg";

    private final double defaultDisplayFraction;

    public IcebergAlgorithm(double defaultDisplayFraction) {
        Params.requireRange("displayFraction", defaultDisplayFraction, 1e-9, 1);
        this.defaultDisplayFraction = defaultDisplayFraction;
    }

    @Activate
    public IcebergAlgorithm(IcebergConfig config) {
        this(config.displayFraction());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AlgoWorker start(ParentOrder parent, AlgoContext context) {
        Price limit = parent.limitPrice() != null ? parent.limitPrice() : Params.price(parent, "limit_price");
        if (limit == null) {
            throw new IllegalArgumentException("limit_price: an iceberg needs a limit price (the parent's or the parameter)");
        }
        long fallback = Math.max(Params.lot(parent, (long) (parent.quantity().raw() * defaultDisplayFraction)),
                parent.quantity().isWhole() ? FixedPoint.ONE : 1);
        Quantity display = Params.quantity(parent, "display", Quantity.ofRaw(fallback));
        if (!display.isPositive()) {
            throw new IllegalArgumentException("display: must be positive, was " + display);
        }
        return new IcebergWorker(context, display, limit).arm();
    }

    /** Posts one display quantity at a time. */
    static final class IcebergWorker extends AbstractWorker {
        private final Quantity display;
        private final Price limit;

        IcebergWorker(AlgoContext context, Quantity display, Price limit) {
            super(context);
            this.display = display;
            this.limit = limit;
        }

        @Override
        void onDue(long now) {
            refill();
        }

        @Override
        public void onChildEvent(OrderEvent event) {
            if (event instanceof OrderDenied d) {
                context.complete("child " + d.clientOrderId() + " refused by " + d.rule() + ": " + d.reason());
                return;
            }
            if (event instanceof OrderRejected r) {
                context.complete("child " + r.clientOrderId() + " rejected by the venue: " + r.reason());
                return;
            }
            if (begun() && context.clock().nanos() <= end) {
                refill();
            }
        }

        private void refill() {
            Quantity unworked = context.unworked();
            if (context.working().isZero() && unworked.isPositive()) {
                context.submitChild(display.min(unworked), OrderType.LIMIT, limit, TimeInForce.GTC);
            }
        }
    }
}
