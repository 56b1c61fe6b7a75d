package io.amcp.api.execution;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import java.util.List;

/**
 * A parent order's progress, as the node reports it.
 *
 * @param parent        the parent order
 * @param owner         who submitted it
 * @param state         WORKING, DONE, CANCELED or FAILED
 * @param reason        why it ended (null while working)
 * @param filled        quantity filled over all children
 * @param averagePrice  volume-weighted fill price (null before the first fill)
 * @param children      the children's client order ids, in submission order
 * @param arrivalPrice  the last price when the parent started (null if none was known)
 * @param marketVwap    the market's volume-weighted price over the parent's life so far (null before data)
 */
public record AlgoStatus(ParentOrder parent, StrategyId owner, String state, String reason, Quantity filled,
        Price averagePrice, List<ClientOrderId> children, Price arrivalPrice, Price marketVwap) {

    public AlgoStatus {
        children = List.copyOf(children);
    }
}
