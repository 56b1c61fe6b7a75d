package io.amcp.risk;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.KillSwitch;
import io.amcp.api.spi.TradingNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link RiskReportService} over a running node: positions and account from the {@link TradingNode},
 * return history from the recent bars its owner keeps (the bars the node has seen), analytics from
 * {@link RiskAnalyzer}. Thread-safe when its sources are.
 */
public final class LiveRiskReports implements RiskReportService {

    /** The confidence levels of the VaR figures in each report. */
    public static final List<Double> CONFIDENCE_LEVELS = List.of(0.95, 0.99);

    private final TradingNode node;
    private final Clock clock;
    private final Function<InstrumentId, List<Bar>> recentBars;
    private final Supplier<List<String>> limits;
    private final RiskAnalyzer analyzer = RiskAnalyzer.standard();

    /**
     * @param node       the node whose account, positions and kill switch are reported
     * @param clock      the node's clock (the report's time)
     * @param recentBars the recent bars of an instrument, oldest first (an empty list when none)
     * @param limits     the names of the active pre-trade risk rules
     */
    public LiveRiskReports(TradingNode node, Clock clock, Function<InstrumentId, List<Bar>> recentBars,
            Supplier<List<String>> limits) {
        this.node = Objects.requireNonNull(node, "node");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recentBars = Objects.requireNonNull(recentBars, "recentBars");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public LiveRiskReport report() {
        AccountView account = node.account();
        List<PositionView> open = node.positions();
        List<Position> positions = new ArrayList<>();
        for (PositionView p : open) {
            double multiplier = p.quantity().isZero() || p.lastPrice().raw() == 0 ? 1
                    : Math.abs(p.marketValue().toDouble() / (p.quantity().toDouble() * p.lastPrice().toDouble()));
            positions.add(new Position(p.instrument(), p.quantity().toDouble(), p.lastPrice().toDouble(),
                    multiplier > 0 && Double.isFinite(multiplier) ? Math.rint(multiplier) : 1,
                    Position.UNCLASSIFIED, p.instrument(), null));
        }
        double cash = account.cash().toDouble();
        Portfolio portfolio = Portfolio.of(positions, cash);
        Exposure exposure = analyzer.exposure(portfolio);
        MarginUsage margin = analyzer.margin(portfolio);
        List<String> notes = new ArrayList<>();
        List<VarFigure> var = new ArrayList<>();
        int returns = 0;
        if (positions.isEmpty()) {
            notes.add("no open positions: value at risk is zero");
            for (double c : CONFIDENCE_LEVELS) {
                var.add(new VarFigure(c, 0, 0));
            }
        } else {
            ReturnsHistory history = history(positions, notes);
            if (history != null) {
                returns = history.dayCount();
                for (double c : CONFIDENCE_LEVELS) {
                    VarEstimate e = analyzer.historicalVar(portfolio, history, c);
                    var.add(new VarFigure(c, e.var(), e.cvar()));
                }
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double herfindahl = 0;
        double largest = 0;
        if (exposure.gross() > 0) {
            for (Position p : positions) {
                double w = Math.abs(p.marketValue()) / exposure.gross();
                weights.merge(p.symbol().value(), w, Double::sum);
            }
            for (double w : weights.values()) {
                herfindahl += w * w;
                largest = Math.max(largest, w);
            }
        }
        double buyingPower = account.buyingPower().toDouble();
        double committed = exposure.gross();
        double usage = committed + buyingPower > 0 ? committed / (committed + Math.max(buyingPower, 0)) : 0;
        KillSwitch kill = node.killSwitch();
        return new LiveRiskReport(clock.instant(), account.equity().toDouble(), cash, buyingPower, usage,
                exposure.longMarketValue(), exposure.shortMarketValue(), exposure.gross(), exposure.net(),
                exposure.grossLeverage(), var, returns, weights, herfindahl, largest, margin.initialRequirement(),
                margin.maintenanceRequirement(), margin.initialUsage(), margin.maintenanceCall(), kill.isEngaged(),
                kill.reason(), limits.get(), notes);
    }

    /** Simple returns of every position's closes at the bar times all of them share; null if too few. */
    private ReturnsHistory history(List<Position> positions, List<String> notes) {
        Map<InstrumentId, Map<Long, Double>> closes = new HashMap<>();
        TreeSet<Long> common = null;
        for (Position p : positions) {
            Map<Long, Double> byTime = new HashMap<>();
            for (Bar bar : recentBars.apply(p.symbol())) {
                byTime.put(bar.time(), bar.closeAsDouble());
            }
            if (byTime.size() < 3) {
                notes.add("value at risk not computed: " + p.symbol() + " has " + byTime.size()
                        + " recent bars, at least 3 are needed");
                return null;
            }
            closes.put(p.symbol(), byTime);
            if (common == null) {
                common = new TreeSet<>(byTime.keySet());
            } else {
                common.retainAll(byTime.keySet());
            }
        }
        if (common == null || common.size() < 3) {
            notes.add("value at risk not computed: the positions share fewer than 3 bar times");
            return null;
        }
        List<Long> times = new ArrayList<>(common);
        List<String> symbols = new ArrayList<>();
        double[][] returns = new double[positions.size()][times.size() - 1];
        for (int a = 0; a < positions.size(); a++) {
            InstrumentId id = positions.get(a).symbol();
            symbols.add(id.value());
            Map<Long, Double> byTime = closes.get(id);
            for (int d = 1; d < times.size(); d++) {
                returns[a][d - 1] = byTime.get(times.get(d)) / byTime.get(times.get(d - 1)) - 1;
            }
        }
        notes.add("historical VaR over one bar interval from " + (times.size() - 1) + " returns of the bars the node has seen");
        return ReturnsHistory.of(symbols, returns);
    }
}
