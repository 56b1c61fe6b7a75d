package io.amcp.samples.pairs;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Statistical-arbitrage pairs trading. On every bar time at which both legs have closed:
 * <ol>
 * <li>the hedge ratio {@code beta} (and {@code alpha}) come from a rolling OLS of {@code ln y} on
 * {@code ln x} over {@code olsWindow} bars;</li>
 * <li>the spread {@code s = ln y - alpha - beta ln x} enters a window of {@code zWindow} spreads and
 * its z-score {@code z} is taken;</li>
 * <li>flat and {@code entryZ < |z| < stopZ}: y is rich when {@code z > 0} (sell {@code quantityY} of
 * y, buy x) and cheap when {@code z < 0} (buy y, sell x); the x leg is
 * {@code round(beta * quantityY * price_y / price_x)} units, the log-price hedge in value terms;</li>
 * <li>in a trade: {@code |z| < exitZ} closes both legs; {@code |z| > stopZ} closes them and waits
 * until {@code |z| < exitZ} before trading again.</li>
 * </ol>
 * Orders are market orders and fill on the next bar at the earliest. Runs on the kernel thread.
 *
 * <p>Snapshot: both windows, the pending half of a bar time and the trade state, so a new version
 * continues without a warm-up.
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.samples.pairs",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PairsTradingConfig.class, factory = true)
public final class PairsTradingStrategy implements Strategy {

    /** Where the strategy stands. */
    public enum Mode {
        /** No trade; may enter. */
        FLAT,
        /** Long y, short x: the spread was cheap. */
        LONG_SPREAD,
        /** Short y, long x: the spread was rich. */
        SHORT_SPREAD,
        /** Stopped out; waits for |z| below exitZ before trading again. */
        STOPPED
    }

    private final PairsParameters p;
    private final RollingOls ols;
    private final RollingZScore spreads;
    private StrategyContext context;
    private Mode mode = Mode.FLAT;
    private long pendingTime = Long.MIN_VALUE;
    private double pendingY = Double.NaN;
    private double pendingX = Double.NaN;
    private double lastZ = Double.NaN;

    public PairsTradingStrategy(PairsParameters parameters) {
        this.p = parameters;
        this.ols = new RollingOls(parameters.olsWindow());
        this.spreads = new RollingZScore(parameters.zWindow());
    }

    @Activate
    public PairsTradingStrategy(PairsTradingConfig config) {
        this(PairsParameters.of(config));
    }

    @Override
    public StrategyId id() {
        return p.id();
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        ctx.subscribe(p.y());
        ctx.subscribe(p.x());
    }

    @Override
    public void onBar(Bar bar) {
        boolean isY = bar.instrument().equals(p.y());
        if (!isY && !bar.instrument().equals(p.x())) {
            return;
        }
        if (bar.time() != pendingTime) {
            pendingTime = bar.time();
            pendingY = Double.NaN;
            pendingX = Double.NaN;
        }
        if (isY) {
            pendingY = bar.closeAsDouble();
        } else {
            pendingX = bar.closeAsDouble();
        }
        if (!Double.isNaN(pendingY) && !Double.isNaN(pendingX)) {
            double priceY = pendingY;
            double priceX = pendingX;
            pendingY = Double.NaN;
            pendingX = Double.NaN;
            onPair(priceY, priceX);
        }
    }

    private void onPair(double priceY, double priceX) {
        double logY = Math.log(priceY);
        double logX = Math.log(priceX);
        ols.add(logX, logY);
        if (!ols.ready() || Double.isNaN(ols.beta())) {
            return;
        }
        spreads.add(logY - ols.alpha() - ols.beta() * logX);
        double z = spreads.zScore();
        lastZ = z;
        if (Double.isNaN(z)) {
            return;
        }
        double size = Math.abs(z);
        switch (mode) {
            case FLAT -> {
                if (size > p.entryZ() && size < p.stopZ() && ols.beta() > 0) {
                    enter(z > 0 ? Mode.SHORT_SPREAD : Mode.LONG_SPREAD, priceY, priceX);
                }
            }
            case LONG_SPREAD, SHORT_SPREAD -> {
                if (size < p.exitZ()) {
                    closeLegs();
                    mode = Mode.FLAT;
                } else if (size > p.stopZ()) {
                    closeLegs();
                    mode = Mode.STOPPED;
                }
            }
            case STOPPED -> {
                if (size < p.exitZ()) {
                    mode = Mode.FLAT;
                }
            }
            default -> throw new IllegalStateException("mode " + mode);
        }
    }

    private void enter(Mode direction, double priceY, double priceX) {
        long unitsX = Math.max(1, Math.round(ols.beta() * p.quantityY().toDouble() * priceY / priceX));
        boolean longY = direction == Mode.LONG_SPREAD;
        context.submit(SubmitOrder.market(p.y(), longY ? Side.BUY : Side.SELL, p.quantityY()));
        context.submit(SubmitOrder.market(p.x(), longY ? Side.SELL : Side.BUY, Quantity.of(unitsX)));
        mode = direction;
    }

    private void closeLegs() {
        close(p.y());
        close(p.x());
    }

    private void close(InstrumentId instrument) {
        PositionView position = context.position(instrument);
        if (!position.isFlat()) {
            Side side = position.quantity().isPositive() ? Side.SELL : Side.BUY;
            context.submit(SubmitOrder.market(instrument, side, position.quantity().abs()));
        }
    }

    /** The current hedge ratio beta (NaN until the regression window is full). */
    public double hedgeRatio() {
        return ols.beta();
    }

    /** The spread's latest z-score (NaN until both windows are full). */
    public double zScore() {
        return lastZ;
    }

    /** Where the strategy stands. */
    public Mode mode() {
        return mode;
    }

    @Override
    public StrategyState snapshot() {
        Map<String, String> values = new HashMap<>();
        values.put("ols", join(ols.points()));
        values.put("spreads", join(spreads.values()));
        values.put("mode", mode.name());
        values.put("pendingTime", Long.toString(pendingTime));
        values.put("pendingY", Double.toString(pendingY));
        values.put("pendingX", Double.toString(pendingX));
        values.put("lastZ", Double.toString(lastZ));
        return new StrategyState(values);
    }

    @Override
    public void restore(StrategyState state) {
        double[] points = split(state.get("ols", ""));
        for (int i = 0; i + 1 < points.length; i += 2) {
            ols.add(points[i], points[i + 1]);
        }
        for (double spread : split(state.get("spreads", ""))) {
            spreads.add(spread);
        }
        mode = Mode.valueOf(state.get("mode", Mode.FLAT.name()));
        pendingTime = state.getLong("pendingTime", Long.MIN_VALUE);
        pendingY = state.getDouble("pendingY", Double.NaN);
        pendingX = state.getDouble("pendingX", Double.NaN);
        lastZ = state.getDouble("lastZ", Double.NaN);
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static double[] split(String text) {
        return text.isEmpty() ? new double[0] : Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
