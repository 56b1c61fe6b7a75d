package io.amcp.strategy.meanreversion;

import io.amcp.analytics.indicators.BollingerBands;
import io.amcp.analytics.indicators.RelativeStrengthIndex;
import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Bollinger-band mean reversion filtered by RSI, on closes. When flat and no order is working:
 * a close below the lower band with RSI below {@code oversold} buys {@code quantity}; a close above
 * the upper band with RSI above {@code overbought} sells {@code quantity} short (if
 * {@code allowShort}). A long position is sold when a close is at or above the middle band, a short
 * one bought back when a close is at or below it. Orders are market orders, so they fill at the next
 * bar's open at the earliest.
 *
 * <p>Indicators: {@link BollingerBands} (population standard deviation) and Wilder's
 * {@link RelativeStrengthIndex} seeded with plain averages.
 *
 * <p>Snapshot: the last {@link #historyLength()} closes, replayed into fresh indicators on restore.
 * The bands only need the last {@code bandPeriod} closes; Wilder's smoothing forgets its seed as
 * {@code (1 - 1/rsiPeriod)^k}, which after {@code 40 x rsiPeriod} closes is below {@code e^-40},
 * far under double precision, so the restored RSI equals the uninterrupted one.
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.strategy.meanreversion",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MeanReversionConfig.class, factory = true)
public final class MeanReversionStrategy implements Strategy {

    /** Closes kept in the snapshot per RSI period (see the class comment). */
    static final int RSI_MEMORY_PERIODS = 40;

    private final StrategyId id;
    private final InstrumentId instrument;
    private final int bandPeriod;
    private final double bandWidth;
    private final int rsiPeriod;
    private final double oversold;
    private final double overbought;
    private final boolean allowShort;
    private final Quantity quantity;
    private final double[] history;
    private int historyNext;
    private long seen;
    private BollingerBands bands;
    private RelativeStrengthIndex rsi;
    private StrategyContext context;

    /**
     * @throws IllegalArgumentException naming the parameter at fault
     */
    public MeanReversionStrategy(StrategyId id, InstrumentId instrument, int bandPeriod, double bandWidth,
            int rsiPeriod, double oversold, double overbought, boolean allowShort, Quantity quantity) {
        if (id == null) {
            throw new IllegalArgumentException("id: is required");
        }
        if (instrument == null) {
            throw new IllegalArgumentException("symbol: is required");
        }
        if (bandPeriod < 2) {
            throw new IllegalArgumentException("bandPeriod: must be at least 2, was " + bandPeriod);
        }
        if (!(bandWidth > 0) || Double.isInfinite(bandWidth)) {
            throw new IllegalArgumentException("bandWidth: must be positive and finite, was " + bandWidth);
        }
        if (rsiPeriod < 1) {
            throw new IllegalArgumentException("rsiPeriod: must be at least 1, was " + rsiPeriod);
        }
        if (!(oversold > 0 && oversold < 100)) {
            throw new IllegalArgumentException("oversold: must be in (0, 100), was " + oversold);
        }
        if (!(overbought > oversold && overbought < 100)) {
            throw new IllegalArgumentException("overbought: must be in (oversold=" + oversold + ", 100), was "
                    + overbought);
        }
        if (quantity == null || !quantity.isPositive()) {
            throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        }
        this.id = id;
        this.instrument = instrument;
        this.bandPeriod = bandPeriod;
        this.bandWidth = bandWidth;
        this.rsiPeriod = rsiPeriod;
        this.oversold = oversold;
        this.overbought = overbought;
        this.allowShort = allowShort;
        this.quantity = quantity;
        this.history = new double[Math.max(bandPeriod, RSI_MEMORY_PERIODS * rsiPeriod + 1)];
        this.bands = BollingerBands.of(bandPeriod, bandWidth);
        this.rsi = RelativeStrengthIndex.of(rsiPeriod);
    }

    @Activate
    public MeanReversionStrategy(MeanReversionConfig config) {
        this(StrategyId.of(config.id()), InstrumentId.of(config.symbol()), config.bandPeriod(), config.bandWidth(),
                config.rsiPeriod(), config.oversold(), config.overbought(), config.allowShort(),
                parseQuantity(config.quantity()));
    }

    private static Quantity parseQuantity(String text) {
        try {
            return Quantity.of(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("quantity: not a number: '" + text + "'", e);
        }
    }

    @Override
    public StrategyId id() {
        return id;
    }

    /** Number of closes carried in a snapshot. */
    public int historyLength() {
        return history.length;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        ctx.subscribe(instrument);
    }

    @Override
    public void onBar(Bar bar) {
        if (!bar.instrument().equals(instrument)) {
            return;
        }
        double close = bar.closeAsDouble();
        update(close);
        if (!bands.isReady() || !rsi.isReady() || hasWorkingOrder()) {
            return;
        }
        Quantity position = context.position(instrument).quantity();
        if (position.isZero()) {
            if (close < bands.lower() && rsi.value() < oversold) {
                context.submit(SubmitOrder.market(instrument, Side.BUY, quantity));
            } else if (allowShort && close > bands.upper() && rsi.value() > overbought) {
                context.submit(SubmitOrder.market(instrument, Side.SELL, quantity));
            }
        } else if (position.isPositive() && close >= bands.middle()) {
            context.submit(SubmitOrder.market(instrument, Side.SELL, position));
        } else if (position.isNegative() && close <= bands.middle()) {
            context.submit(SubmitOrder.market(instrument, Side.BUY, position.abs()));
        }
    }

    private void update(double close) {
        bands.update(close);
        rsi.update(close);
        history[historyNext] = close;
        historyNext = historyNext + 1 == history.length ? 0 : historyNext + 1;
        seen++;
    }

    private boolean hasWorkingOrder() {
        for (OrderView o : context.openOrders()) {
            if (o.status() != OrderStatus.HELD && o.request().instrument().equals(instrument)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public StrategyState snapshot() {
        int n = (int) Math.min(seen, history.length);
        StringBuilder closes = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                closes.append(',');
            }
            closes.append(history[(historyNext - n + i + history.length) % history.length]);
        }
        return new StrategyState(Map.of("closes", closes.toString()));
    }

    @Override
    public void restore(StrategyState state) {
        bands = BollingerBands.of(bandPeriod, bandWidth);
        rsi = RelativeStrengthIndex.of(rsiPeriod);
        historyNext = 0;
        seen = 0;
        String closes = state.get("closes", "");
        if (!closes.isEmpty()) {
            for (String c : closes.split(",")) {
                update(Double.parseDouble(c));
            }
        }
    }
}
