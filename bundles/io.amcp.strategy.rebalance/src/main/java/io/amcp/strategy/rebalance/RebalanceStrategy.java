package io.amcp.strategy.rebalance;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.model.Side;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.portfolio.AssetUniverse;
import io.amcp.portfolio.CovarianceEstimator;
import io.amcp.portfolio.InfeasiblePortfolioException;
import io.amcp.portfolio.MarketEstimates;
import io.amcp.portfolio.OptimalPortfolio;
import io.amcp.portfolio.PortfolioOptimizer;
import io.amcp.portfolio.RebalanceOrder;
import io.amcp.portfolio.Rebalancer;
import io.amcp.portfolio.ReturnHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Rebalances a universe to the target weights of an io.amcp.portfolio optimiser every
 * {@code rebalanceEvery} steps. A step is complete when every symbol has a bar with the same time.
 * On a rebalance step it estimates mean returns and the sample covariance of the last
 * {@code lookback} simple close-to-close returns ({@link MarketEstimates#fromHistory}), optimises
 * ({@link RebalanceMethod}), scales the weights by {@code 1 - cashBuffer}, and sends the orders of
 * {@link Rebalancer#orders} (whole shares, turnover limited) at market, sells first. The first
 * rebalance is on the step with {@code lookback} returns, i.e. the {@code lookback + 1}-th.
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.strategy.rebalance",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RebalanceConfig.class, factory = true)
public final class RebalanceStrategy implements Strategy {

    /**
     * What the strategy does.
     *
     * @param method         optimiser
     * @param lookback       returns per estimate, at least 2
     * @param rebalanceEvery steps between rebalances, at least 1
     * @param turnoverLimit  most turnover per rebalance, at least 0
     * @param cashBuffer     share of net asset value kept in cash, in [0, 1)
     */
    public record Parameters(RebalanceMethod method, int lookback, int rebalanceEvery, double turnoverLimit,
            double cashBuffer) {

        public Parameters {
            if (method == null) {
                throw new IllegalArgumentException("method: is required");
            }
            if (lookback < 2) {
                throw new IllegalArgumentException("lookback: must be at least 2, was " + lookback);
            }
            if (rebalanceEvery < 1) {
                throw new IllegalArgumentException("rebalanceEvery: must be at least 1, was " + rebalanceEvery);
            }
            if (!(turnoverLimit >= 0)) {
                throw new IllegalArgumentException("turnoverLimit: must be >= 0, was " + turnoverLimit);
            }
            if (!(cashBuffer >= 0 && cashBuffer < 1)) {
                throw new IllegalArgumentException("cashBuffer: must be in [0, 1), was " + cashBuffer);
            }
        }
    }

    private final StrategyId id;
    private final List<InstrumentId> universe;
    private final Parameters parameters;
    private final PortfolioOptimizer optimizer = PortfolioOptimizer.standard();
    /** Closes of the last lookback + 1 complete steps, [step in ring][asset]. */
    private final double[][] closes;
    private final double[] pending;
    private final boolean[] arrived;
    private long stepTime = Long.MIN_VALUE;
    private int arrivedCount;
    private int steps;
    private Map<InstrumentId, Double> lastTargets = Map.of();
    private StrategyContext context;

    @Override
    public StrategyId id() {
        return id;
    }

    public RebalanceStrategy(StrategyId id, List<InstrumentId> universe, Parameters parameters) {
        if (universe == null || universe.size() < 2) {
            throw new IllegalArgumentException("symbols: need at least 2, was " + universe);
        }
        if (new LinkedHashSet<>(universe).size() != universe.size()) {
            throw new IllegalArgumentException("symbols: duplicate symbol in " + universe);
        }
        this.id = id;
        this.universe = List.copyOf(universe);
        this.parameters = parameters;
        this.closes = new double[parameters.lookback() + 1][universe.size()];
        this.pending = new double[universe.size()];
        this.arrived = new boolean[universe.size()];
    }

    @Activate
    public RebalanceStrategy(RebalanceConfig config) {
        this(StrategyId.of(config.id()), symbols(config.symbols()), new Parameters(RebalanceMethod.parse(config.method()),
                config.lookback(), config.rebalanceEvery(), config.turnoverLimit(), config.cashBuffer()));
    }

    private static List<InstrumentId> symbols(String text) {
        List<InstrumentId> ids = new ArrayList<>();
        for (String s : (text == null ? "" : text).split(",")) {
            if (!s.isBlank()) {
                try {
                    ids.add(InstrumentId.of(s.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("symbols: " + e.getMessage(), e);
                }
            }
        }
        return ids;
    }

    /** The target weights of the last rebalance (after the cash buffer), empty before the first. */
    public Map<InstrumentId, Double> lastTargets() {
        return lastTargets;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        universe.forEach(ctx::subscribe);
    }

    @Override
    public void onBar(Bar bar) {
        int k = universe.indexOf(bar.instrument());
        if (k < 0) {
            return;
        }
        if (bar.time() != stepTime) {
            stepTime = bar.time();
            Arrays.fill(arrived, false);
            arrivedCount = 0;
        }
        if (!arrived[k]) {
            arrived[k] = true;
            arrivedCount++;
        }
        pending[k] = bar.closeAsDouble();
        if (arrivedCount == universe.size()) {
            arrivedCount = -1;
            closes[steps % closes.length] = pending.clone();
            steps++;
            int first = parameters.lookback() + 1;
            if (steps >= first && (steps - first) % parameters.rebalanceEvery() == 0) {
                rebalance();
            }
        }
    }

    private void rebalance() {
        int n = universe.size();
        int lookback = parameters.lookback();
        double[][] returns = new double[lookback][n];
        for (int p = 0; p < lookback; p++) {
            double[] before = closes[(steps - lookback - 1 + p) % closes.length];
            double[] after = closes[(steps - lookback + p) % closes.length];
            for (int a = 0; a < n; a++) {
                returns[p][a] = after[a] / before[a] - 1;
            }
        }
        AssetUniverse assets = AssetUniverse.of(universe, Collections.nCopies(n, "ALL"));
        OptimalPortfolio optimal;
        try {
            optimal = parameters.method().optimise(optimizer,
                    MarketEstimates.fromHistory(ReturnHistory.of(assets, returns), CovarianceEstimator.SAMPLE));
        } catch (InfeasiblePortfolioException e) {
            return; // e.g. max-sharpe when no portfolio beats the risk-free rate: keep the current holdings
        }
        double[] last = closes[(steps - 1) % closes.length];
        Map<InstrumentId, Double> targets = new HashMap<>();
        Map<InstrumentId, Price> prices = new HashMap<>();
        Map<InstrumentId, Quantity> positions = new HashMap<>();
        for (int a = 0; a < n; a++) {
            InstrumentId id = universe.get(a);
            targets.put(id, optimal.weights()[a] * (1 - parameters.cashBuffer()));
            prices.put(id, Price.of(last[a]));
            positions.put(id, context.position(id).quantity());
        }
        lastTargets = Map.copyOf(targets);
        List<RebalanceOrder> orders = Rebalancer.orders(positions, context.account().cash(), prices, targets, Map.of(),
                parameters.turnoverLimit());
        for (Side side : new Side[] {Side.SELL, Side.BUY}) {
            for (RebalanceOrder o : orders) {
                if (o.side() == side) {
                    context.submit(SubmitOrder.market(o.symbol(), o.side(), o.quantity()));
                }
            }
        }
    }
}
