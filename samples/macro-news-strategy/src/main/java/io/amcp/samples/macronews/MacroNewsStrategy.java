package io.amcp.samples.macronews;

import io.amcp.api.altdata.MacroObservation;
import io.amcp.api.altdata.MacroSeries;
import io.amcp.api.altdata.NewsFeed;
import io.amcp.api.altdata.NewsItem;
import io.amcp.api.model.Bar;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A long-only trend strategy gated by a macro series and news sentiment. On every bar of
 * {@code symbol}, with {@code now} the kernel clock's time:
 * <ol>
 * <li><b>price</b>: the close is above its simple moving average over {@code smaWindow} bars;</li>
 * <li><b>macro</b>: in {@link MacroSeries#asOf(String, Instant) macro.asOf(series, now)}, the newest
 * period's value is not above the value {@code macroLookback} periods before it (for an
 * unemployment rate: unemployment is not rising). Revisions count only from their release on;</li>
 * <li><b>news</b>: the mean sentiment of the symbol's items published in {@code (now - newsWindow, now]}
 * (0 without news).</li>
 * </ol>
 * Flat with no order working: buy {@code quantity} when all three hold (sentiment at least
 * {@code minSentiment}). Long: sell everything when the trend or the macro condition fails or the
 * sentiment falls below {@code exitSentiment}. Market orders fill on the next bar at the earliest.
 *
 * <p>Snapshot: the closes in the moving-average window, so a new version continues without a warm-up.
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.samples.macronews",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MacroNewsConfig.class, factory = true)
public final class MacroNewsStrategy implements Strategy {

    private final MacroNewsParameters p;
    private final MacroSeries macro;
    private final NewsFeed news;
    private final double[] closes;
    private int count;
    private StrategyContext context;
    private Signals lastSignals;

    public MacroNewsStrategy(MacroNewsParameters parameters, MacroSeries macro, NewsFeed news) {
        this.p = Objects.requireNonNull(parameters, "parameters");
        this.macro = Objects.requireNonNull(macro, "macro");
        this.news = Objects.requireNonNull(news, "news");
        this.closes = new double[parameters.smaWindow()];
    }

    @Activate
    public MacroNewsStrategy(MacroNewsConfig config, @Reference MacroSeries macro, @Reference NewsFeed news) {
        this(MacroNewsParameters.of(config), macro, news);
    }

    @Override
    public StrategyId id() {
        return p.id();
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        ctx.subscribe(p.symbol());
    }

    @Override
    public void onBar(Bar bar) {
        if (!bar.instrument().equals(p.symbol())) {
            return;
        }
        double close = bar.closeAsDouble();
        closes[count % closes.length] = close;
        count++;
        if (count < closes.length) {
            return;
        }
        Instant now = context.clock().instant();
        List<MacroObservation> known = macro.asOf(p.macroSeries(), now);
        MacroObservation latest = known.isEmpty() ? null : known.get(known.size() - 1);
        boolean macroOk = known.size() > p.macroLookback()
                && latest.value() <= known.get(known.size() - 1 - p.macroLookback()).value();
        Signals signals = new Signals(now, close, Arrays.stream(closes).average().orElseThrow(), latest, macroOk,
                meanSentiment(now));
        lastSignals = signals;
        if (!context.openOrders().isEmpty()) {
            return;
        }
        PositionView position = context.position(p.symbol());
        if (position.isFlat()) {
            if (signals.uptrend() && signals.macroOk() && signals.sentiment() >= p.minSentiment()) {
                context.submit(SubmitOrder.market(p.symbol(), Side.BUY, p.quantity()));
            }
        } else if (!signals.uptrend() || !signals.macroOk() || signals.sentiment() < p.exitSentiment()) {
            context.submit(SubmitOrder.market(p.symbol(), Side.SELL, position.quantity().abs()));
        }
    }

    private double meanSentiment(Instant now) {
        List<NewsItem> items = news.between(now.minus(p.newsWindow()), now, p.symbol());
        return items.stream().mapToDouble(NewsItem::sentiment).average().orElse(0.0);
    }

    /** What the latest decision saw, null before the moving average is ready. */
    public Signals lastSignals() {
        return lastSignals;
    }

    @Override
    public StrategyState snapshot() {
        int n = Math.min(count, closes.length);
        double[] window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = closes[(count - n + i) % closes.length];
        }
        return new StrategyState(Map.of("closes",
                Arrays.stream(window).mapToObj(Double::toString).collect(Collectors.joining(","))));
    }

    @Override
    public void restore(StrategyState state) {
        String text = state.get("closes", "");
        if (text.isEmpty()) {
            return;
        }
        for (String close : text.split(",")) {
            closes[count % closes.length] = Double.parseDouble(close);
            count++;
        }
    }
}
