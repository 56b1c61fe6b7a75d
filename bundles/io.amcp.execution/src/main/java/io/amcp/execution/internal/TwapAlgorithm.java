package io.amcp.execution.internal;

import io.amcp.api.execution.AlgoContext;
import io.amcp.api.execution.AlgoWorker;
import io.amcp.api.execution.ExecutionAlgorithm;
import io.amcp.api.execution.ParentOrder;
import io.amcp.execution.ExecutionSchedule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Time-weighted average price: slices at {@code start + k * interval} while before the end; slice
 * {@code k} brings the cumulative quantity to {@code floor(Q * min((k + 1) * interval, T) / T)} with
 * {@code T = end - start} (whole units for a whole-unit parent). When {@code T} is {@code n} intervals
 * that is {@code floor(Q (k + 1) / n)}: equal slices that differ by at most one lot, the last one
 * completing the parent. Children are market orders (limit orders at the parent's limit when it has
 * one); a slice that did not fill is sent again with the next one (catch-up).
 *
 * <p>Parameters: {@code slice_interval_seconds} (positive; default from the configuration).
 */
@Component(service = ExecutionAlgorithm.class, configurationPid = "io.amcp.execution.twap")
@Designate(ocd = TwapConfig.class)
public final class TwapAlgorithm implements ExecutionAlgorithm {

    static final String NAME = "twap";

    private final double defaultIntervalSeconds;

    public TwapAlgorithm(double defaultIntervalSeconds) {
        Params.requirePositive("sliceIntervalSeconds", defaultIntervalSeconds);
        this.defaultIntervalSeconds = defaultIntervalSeconds;
    }

    @Activate
    public TwapAlgorithm(TwapConfig config) {
        this(config.sliceIntervalSeconds());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AlgoWorker start(ParentOrder parent, AlgoContext context) {
        long interval = Params.seconds(parent, "slice_interval_seconds", defaultIntervalSeconds);
        long start = Math.max(parent.startTime(), context.clock().nanos());
        return new ScheduledWorker(context, ExecutionSchedule.linear(start, parent.endTime()), interval).arm();
    }
}
