package io.amcp.broker.alpaca;

import io.amcp.api.order.OrderStatus;
import java.util.Optional;

/**
 * Alpaca's order statuses on the OMS's state table ({@code io.amcp.core.oms.OrderStateMachine}).
 *
 * <pre>
 * Alpaca                                       OMS
 * pending_new, accepted, new, accepted_for_bidding  ACCEPTED (acknowledged by the venue)
 * held                                         HELD (bracket/OTO leg waiting for its parent)
 * partially_filled                             PARTIALLY_FILLED
 * filled                                       FILLED
 * pending_cancel                               PENDING_CANCEL
 * canceled                                     CANCELED
 * expired                                      EXPIRED
 * rejected                                     REJECTED
 * replaced                                     REPLACED
 * done_for_day, pending_replace, stopped,      none: the order keeps its OMS status (done_for_day works
 * suspended, calculated                          again next session; pending_replace ends replaced or
 *                                                back to working; stopped/calculated precede a fill)
 * </pre>
 *
 * Fills are never derived from the status alone: the OMS reaches PARTIALLY_FILLED/FILLED by
 * applying each fill's quantity.
 */
public final class AlpacaOrderStatus {

    private AlpacaOrderStatus() {
    }

    /** The OMS status of an Alpaca status, empty when it has none (see the table). */
    public static Optional<OrderStatus> toOms(String alpacaStatus) {
        return Optional.ofNullable(switch (alpacaStatus == null ? "" : alpacaStatus) {
            case "pending_new", "accepted", "new", "accepted_for_bidding" -> OrderStatus.ACCEPTED;
            case "held" -> OrderStatus.HELD;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "pending_cancel" -> OrderStatus.PENDING_CANCEL;
            case "canceled" -> OrderStatus.CANCELED;
            case "expired" -> OrderStatus.EXPIRED;
            case "rejected" -> OrderStatus.REJECTED;
            case "replaced" -> OrderStatus.REPLACED;
            default -> null;
        });
    }

    /** Whether Alpaca has acknowledged an order in this status (anything but held, rejected and unknown). */
    public static boolean isAcknowledged(String alpacaStatus) {
        return switch (alpacaStatus == null ? "" : alpacaStatus) {
            case "pending_new", "accepted", "new", "accepted_for_bidding", "partially_filled", "filled",
                    "done_for_day", "pending_cancel", "pending_replace", "replaced", "stopped", "suspended",
                    "calculated", "canceled", "expired" -> true;
            default -> false;
        };
    }
}
