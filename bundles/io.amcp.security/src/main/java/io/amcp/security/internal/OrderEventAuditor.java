package io.amcp.security.internal;

import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.AuditLog;
import io.amcp.api.spi.OrderEventListener;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every order the risk chain denied ({@code order.denied}, actor {@code risk:<rule>}) and
 * every order a venue rejected ({@code order.rejected}, actor {@code venue}) to the audit log,
 * subject the client order id, detail the reason. The kernel calls it on its own thread, which
 * must not block, so entries are appended on a single background thread in the order the events
 * came; up to {@value #BACKLOG} wait when the database is slow, beyond that an entry is dropped
 * with an error in the log rather than stalling trading.
 */
@Component(service = OrderEventListener.class)
public final class OrderEventAuditor implements OrderEventListener {

    static final int BACKLOG = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(OrderEventAuditor.class);

    private final AuditLog audit;
    private final ThreadPoolExecutor writer;

    @Activate
    public OrderEventAuditor(@Reference AuditLog audit) {
        this.audit = audit;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG), task -> {
            Thread thread = new Thread(task, "amcp-audit-order-events");
            thread.setDaemon(true);
            return thread;
        }, (task, executor) -> LOG.error("audit backlog of {} order events is full: an order event was not audited", BACKLOG));
    }

    /** Writes what is queued (waiting up to {@code seconds}) and stops. */
    @Deactivate
    void deactivate() {
        drain(10);
    }

    boolean drain(long seconds) {
        writer.shutdown();
        try {
            return writer.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void onOrderEvent(OrderEvent event, OrderView order) {
        if (event instanceof OrderDenied denied) {
            String detail = denied.reason() + describe(denied.order(), denied.strategyId() == null ? null : denied.strategyId().toString());
            submit("risk:" + denied.rule(), "order.denied", denied.clientOrderId().value(), detail);
        } else if (event instanceof OrderRejected rejected) {
            String detail = rejected.reason() + (order == null ? ""
                    : describe(order.request(), order.strategyId() == null ? null : order.strategyId().toString()));
            submit("venue", "order.rejected", rejected.clientOrderId().value(), detail);
        }
    }

    private void submit(String actor, String action, String subject, String detail) {
        writer.execute(() -> {
            try {
                audit.append(actor, action, subject, detail);
            } catch (RuntimeException e) {
                LOG.error("could not audit {} {} ({}): {}", action, subject, detail, e.getMessage());
            }
        });
    }

    private static String describe(SubmitOrder order, String strategy) {
        if (order == null) {
            return "";
        }
        return " [" + (strategy == null ? "" : strategy + ": ") + order.side() + " " + order.quantity() + " "
                + order.instrument() + " " + order.type() + (order.limitPrice() == null ? "" : " limit " + order.limitPrice()) + "]";
    }
}
