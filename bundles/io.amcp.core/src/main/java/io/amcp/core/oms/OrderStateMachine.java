package io.amcp.core.oms;

import static io.amcp.api.order.OrderStatus.ACCEPTED;
import static io.amcp.api.order.OrderStatus.CANCELED;
import static io.amcp.api.order.OrderStatus.EXPIRED;
import static io.amcp.api.order.OrderStatus.FILLED;
import static io.amcp.api.order.OrderStatus.HELD;
import static io.amcp.api.order.OrderStatus.NEW;
import static io.amcp.api.order.OrderStatus.PARTIALLY_FILLED;
import static io.amcp.api.order.OrderStatus.PENDING_CANCEL;
import static io.amcp.api.order.OrderStatus.REJECTED;
import static io.amcp.api.order.OrderStatus.REPLACED;

import io.amcp.api.order.OrderStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of legal order-status transitions. Anything not listed is illegal and is reported
 * as an error by the OMS, never applied.
 *
 * <pre>
 * from             -> to
 * NEW              -> ACCEPTED, REJECTED, PARTIALLY_FILLED, FILLED, CANCELED, PENDING_CANCEL, EXPIRED
 * HELD             -> ACCEPTED, CANCELED, REJECTED, EXPIRED
 * ACCEPTED         -> PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, EXPIRED, REPLACED, REJECTED
 * PARTIALLY_FILLED -> PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, EXPIRED, REPLACED
 * PENDING_CANCEL   -> CANCELED, PARTIALLY_FILLED, FILLED, ACCEPTED (cancel refused), EXPIRED
 * FILLED, CANCELED, REJECTED, EXPIRED, REPLACED: terminal
 * </pre>
 *
 * NEW may fill directly because a venue may report a fill before (or instead of) the ack, as the
 * paper exchange does for a fill on the bar right after submission.
 */
public final class OrderStateMachine {

    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = new EnumMap<>(OrderStatus.class);

    static {
        LEGAL.put(NEW, EnumSet.of(ACCEPTED, REJECTED, PARTIALLY_FILLED, FILLED, CANCELED, PENDING_CANCEL, EXPIRED));
        LEGAL.put(HELD, EnumSet.of(ACCEPTED, CANCELED, REJECTED, EXPIRED));
        LEGAL.put(ACCEPTED, EnumSet.of(PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, EXPIRED, REPLACED, REJECTED));
        LEGAL.put(PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, EXPIRED, REPLACED));
        LEGAL.put(PENDING_CANCEL, EnumSet.of(CANCELED, PARTIALLY_FILLED, FILLED, ACCEPTED, EXPIRED));
        for (OrderStatus terminal : EnumSet.of(FILLED, CANCELED, REJECTED, EXPIRED, REPLACED)) {
            LEGAL.put(terminal, EnumSet.noneOf(OrderStatus.class));
        }
    }

    private OrderStateMachine() {
    }

    /** Whether an order in status {@code from} may move to {@code to}. */
    public static boolean isLegal(OrderStatus from, OrderStatus to) {
        return LEGAL.get(from).contains(to);
    }

    /** The statuses reachable from {@code from} in one step. */
    public static Set<OrderStatus> next(OrderStatus from) {
        return EnumSet.copyOf(LEGAL.get(from));
    }
}
