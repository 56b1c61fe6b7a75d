package io.amcp.execution;

import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Transaction-cost analysis of parent orders from their {@link AlgoStatus} (arrival price, market
 * VWAP over the order's life) and their children's executions.
 *
 * <ul>
 * <li>implementation shortfall, bps: {@code side x (average - arrival) / arrival x 10^4}, on the filled
 *     quantity (the opportunity cost of what did not fill is not included);</li>
 * <li>slippage against VWAP, bps: {@code side x (average - vwap) / vwap x 10^4};</li>
 * <li>market impact estimate, bps: the square-root law {@code Y x sigma_daily x sqrt(Q / ADV) x 10^4}
 *     with {@code Y = }{@value #IMPACT_COEFFICIENT} (Almgren, Thum, Hauptmann and Li, "Direct
 *     estimation of equity market impact", 2005, and Toth et al., "Anomalous price impact and the
 *     critical nature of liquidity in financial markets", 2011, both find {@code Y} of order one);</li>
 * <li>fees: the sum of the children's commissions, and in bps of the executed notional.</li>
 * </ul>
 * Aggregates weigh each parent by its executed notional.
 */
public final class TransactionCostAnalysis {

    /** {@code Y} of the square-root impact law. */
    public static final double IMPACT_COEFFICIENT = 1.0;

    private TransactionCostAnalysis() {
    }

    /** The square-root impact estimate in bps for {@code quantity} units. */
    public static double impactBps(double quantity, MarketConditions market) {
        return IMPACT_COEFFICIENT * market.dailyVolatility() * Math.sqrt(quantity / market.averageDailyVolume()) * 10_000;
    }

    /**
     * Analyses one parent; {@code fills} may hold other orders' fills too, only this parent's
     * children ({@link AlgoStatus#children()}) are used.
     */
    public static TcaResult analyse(AlgoStatus status, List<ChildFill> fills, MarketConditions market) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(market, "market");
        Set<ClientOrderId> children = new HashSet<>(status.children());
        List<ChildFill> own = new ArrayList<>();
        double quantity = 0;
        double notional = 0;
        Money fees = Money.ZERO;
        for (ChildFill f : fills) {
            if (children.contains(f.child())) {
                own.add(f);
                quantity += f.quantity().toDouble();
                notional += f.quantity().toDouble() * f.price().toDouble();
                fees = fees.plus(f.fee());
            }
        }
        own.sort(Comparator.comparingLong(ChildFill::time));
        int sign = status.parent().side().sign();
        Price average = quantity == 0 ? null : Price.of(notional / quantity);
        double shortfall = bps(sign, average, status.arrivalPrice());
        double slippage = bps(sign, average, status.marketVwap());
        double feesBps = notional == 0 ? 0 : fees.toDouble() / notional * 10_000;
        return new TcaResult(status.parent(), status.owner(), status.state(), status.filled(), average,
                status.arrivalPrice(), status.marketVwap(), shortfall, slippage,
                impactBps(status.parent().quantity().toDouble(), market), fees, feesBps, own);
    }

    /** Analyses every parent (e.g. {@code TradingNode.algos()}). */
    public static List<TcaResult> analyseAll(List<AlgoStatus> statuses, List<ChildFill> fills, MarketConditions market) {
        return statuses.stream().map(s -> analyse(s, fills, market)).toList();
    }

    private static double bps(int sign, Price average, Price benchmark) {
        if (average == null || benchmark == null) {
            return Double.NaN;
        }
        return sign * (average.toDouble() - benchmark.toDouble()) / benchmark.toDouble() * 10_000;
    }

    /** Notional-weighted costs per owning strategy. */
    public static Map<String, TcaSummary> byStrategy(List<TcaResult> results) {
        return summarise(results, r -> r.owner().value());
    }

    /** Notional-weighted costs per algorithm name. */
    public static Map<String, TcaSummary> byAlgorithm(List<TcaResult> results) {
        return summarise(results, r -> r.parent().algorithm());
    }

    private static Map<String, TcaSummary> summarise(List<TcaResult> results, Function<TcaResult, String> key) {
        Map<String, List<TcaResult>> groups = new TreeMap<>();
        for (TcaResult r : results) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        Map<String, TcaSummary> out = new LinkedHashMap<>();
        groups.forEach((k, list) -> {
            double notional = 0;
            double shortfall = 0;
            double slippage = 0;
            double fees = 0;
            for (TcaResult r : list) {
                double w = r.notional();
                notional += w;
                shortfall += Double.isNaN(r.shortfallBps()) ? 0 : w * r.shortfallBps();
                slippage += Double.isNaN(r.vwapSlippageBps()) ? 0 : w * r.vwapSlippageBps();
                fees += r.fees().toDouble();
            }
            out.put(k, new TcaSummary(k, list.size(), notional, notional == 0 ? 0 : shortfall / notional,
                    notional == 0 ? 0 : slippage / notional, notional == 0 ? 0 : fees / notional * 10_000));
        });
        return out;
    }

    /**
     * Best execution across venues: for each connector id, its executions against the market VWAP of
     * the parent each belonged to (bps, cost-positive, notional-weighted) and its fees.
     */
    public static Map<String, VenueSummary> byVenue(List<TcaResult> results) {
        Map<String, double[]> acc = new TreeMap<>();
        for (TcaResult r : results) {
            int sign = r.parent().side().sign();
            for (ChildFill f : r.fills()) {
                double[] a = acc.computeIfAbsent(f.venue(), k -> new double[5]);
                double q = f.quantity().toDouble();
                double notional = q * f.price().toDouble();
                a[0]++;
                a[1] += q;
                a[2] += notional;
                if (r.marketVwap() != null) {
                    double vwap = r.marketVwap().toDouble();
                    a[3] += notional * sign * (f.price().toDouble() - vwap) / vwap * 10_000;
                }
                a[4] += f.fee().toDouble();
            }
        }
        Map<String, VenueSummary> out = new LinkedHashMap<>();
        acc.forEach((venue, a) -> out.put(venue, new VenueSummary(venue, (int) a[0], a[1], a[2],
                a[2] == 0 ? 0 : a[3] / a[2], a[2] == 0 ? 0 : a[4] / a[2] * 10_000)));
        return out;
    }

    /**
     * Costs of a group of parents.
     *
     * @param key             strategy id or algorithm name
     * @param parents         parent orders in the group
     * @param notional        executed notional
     * @param shortfallBps    notional-weighted implementation shortfall
     * @param vwapSlippageBps notional-weighted slippage against VWAP
     * @param feesBps         fees over notional
     */
    public record TcaSummary(String key, int parents, double notional, double shortfallBps, double vwapSlippageBps,
            double feesBps) {
    }

    /**
     * One venue's executions.
     *
     * @param venue           broker connector id
     * @param fills           executions
     * @param quantity        executed quantity
     * @param notional        executed notional
     * @param vwapSlippageBps notional-weighted price against the parents' market VWAP
     * @param feesBps         fees over notional
     */
    public record VenueSummary(String venue, int fills, double quantity, double notional, double vwapSlippageBps,
            double feesBps) {
    }
}
