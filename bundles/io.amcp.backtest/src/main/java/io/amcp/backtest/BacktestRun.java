package io.amcp.backtest;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import java.util.List;
import java.util.Map;

/**
 * The raw outcome of one replay, before metrics: what the kernel recorded.
 *
 * @param equityTimes   sample times, nanoseconds since the epoch
 * @param equity        account equity at each sample (after the bar closed)
 * @param invested      whether any position was open at each sample
 * @param fills         every fill, in order
 * @param lastPrices    last close per instrument (for marking open trades)
 * @param finalAccount  account at the end, open positions marked to the last close
 * @param openPositions positions still open at the end
 * @param barsProcessed bars replayed through the kernel
 * @param kernelErrors  errors the kernel survived (illegal transitions, failing strategy)
 */
public record BacktestRun(long[] equityTimes, double[] equity, boolean[] invested, List<OrderFilled> fills,
        Map<InstrumentId, Double> lastPrices, AccountView finalAccount, List<PositionView> openPositions,
        long barsProcessed, long kernelErrors) {
}
