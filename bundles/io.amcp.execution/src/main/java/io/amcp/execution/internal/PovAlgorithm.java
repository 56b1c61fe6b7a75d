package io.amcp.execution.internal;

import io.amcp.api.execution.AlgoContext;
import io.amcp.api.execution.AlgoWorker;
import io.amcp.api.execution.ExecutionAlgorithm;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Percent of volume: after each bar (or trade print) inside {@code [start, end]} the cumulative
 * target is {@code rate x} the market volume observed since the start (capped at the parent), and a
 * market child tops the parent up to it: at most {@code max_child}, and not below {@code min_child}
 * unless it is the parent's remainder (a smaller need waits for more volume). The observed volume is
 * the market's as printed; the paper venue does not add the parent's own fills to it.
 *
 * <p>Parameters: {@code rate} (in (0, 1]), {@code min_child}, {@code max_child} (quantities, 0 = none;
 * max at least min); defaults from the configuration.
 */
@Component(service = ExecutionAlgorithm.class, configurationPid = "io.amcp.execution.pov")
@Designate(ocd = PovConfig.class)
public final class PovAlgorithm implements ExecutionAlgorithm {

    static final String NAME = "pov";

    private final double defaultRate;
    private final Quantity defaultMin;
    private final Quantity defaultMax;

    public PovAlgorithm(double defaultRate, Quantity defaultMin, Quantity defaultMax) {
        Params.requireRange("rate", defaultRate, 1e-9, 1);
        this.defaultRate = defaultRate;
        this.defaultMin = defaultMin;
        this.defaultMax = defaultMax;
    }

    @Activate
    public PovAlgorithm(PovConfig config) {
        this(config.rate(), Params.parseQuantity("minChild", config.minChild()),
                Params.parseQuantity("maxChild", config.maxChild()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AlgoWorker start(ParentOrder parent, AlgoContext context) {
        double rate = Params.number(parent, "rate", defaultRate, 1e-9, 1);
        Quantity min = Params.quantity(parent, "min_child", defaultMin);
        Quantity max = Params.quantity(parent, "max_child", defaultMax);
        if (max.isPositive() && max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max_child: must be at least min_child (" + min + "), was " + max);
        }
        return new PovWorker(context, rate, min.raw(), max.raw()).arm();
    }

    /** Follows the observed volume. */
    static final class PovWorker extends AbstractWorker {
        private final double rate;
        private final long minChild;
        private final long maxChild;
        private double observedRaw;

        PovWorker(AlgoContext context, double rate, long minChild, long maxChild) {
            super(context);
            this.rate = rate;
            this.minChild = minChild;
            this.maxChild = maxChild;
        }

        @Override
        void onMarket(Bar bar, Quote quote, TradeTick trade) {
            long volume = bar != null ? bar.volume() : trade != null ? trade.size() : 0;
            if (volume <= 0) {
                return;
            }
            observedRaw += volume;
            long target = (long) Math.min(parent.quantity().raw(), Math.floor(rate * observedRaw + 1e-6));
            topUp(target, minChild, maxChild);
        }
    }
}
