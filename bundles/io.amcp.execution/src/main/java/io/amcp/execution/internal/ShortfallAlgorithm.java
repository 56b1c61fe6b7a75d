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
 * Implementation shortfall (arrival price): trades the Almgren-Chriss trajectory
 * {@link ExecutionSchedule#almgrenChriss}, holdings {@code x(t) = Q sinh(kappa (T - t)) / sinh(kappa T)},
 * front-loading more as the urgency {@code kappa T} grows, to trade market impact against the risk
 * of the price drifting away from the arrival price. Decisions as in {@link ScheduledWorker}.
 *
 * <p>Parameters: {@code urgency} ({@code kappa T}, in [0, 50]), {@code decision_interval_seconds}
 * (positive); defaults from the configuration.
 */
@Component(service = ExecutionAlgorithm.class, configurationPid = "io.amcp.execution.shortfall")
@Designate(ocd = ShortfallConfig.class)
public final class ShortfallAlgorithm implements ExecutionAlgorithm {

    static final String NAME = "shortfall";
    static final double MAX_URGENCY = 50;

    private final double defaultUrgency;
    private final double defaultIntervalSeconds;

    public ShortfallAlgorithm(double defaultUrgency, double defaultIntervalSeconds) {
        Params.requireRange("urgency", defaultUrgency, 0, MAX_URGENCY);
        Params.requirePositive("decisionIntervalSeconds", defaultIntervalSeconds);
        this.defaultUrgency = defaultUrgency;
        this.defaultIntervalSeconds = defaultIntervalSeconds;
    }

    @Activate
    public ShortfallAlgorithm(ShortfallConfig config) {
        this(config.urgency(), config.decisionIntervalSeconds());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AlgoWorker start(ParentOrder parent, AlgoContext context) {
        double urgency = Params.number(parent, "urgency", defaultUrgency, 0, MAX_URGENCY);
        long interval = Params.seconds(parent, "decision_interval_seconds", defaultIntervalSeconds);
        long start = Math.max(parent.startTime(), context.clock().nanos());
        return new ScheduledWorker(context, ExecutionSchedule.almgrenChriss(start, parent.endTime(), urgency),
                interval).arm();
    }
}
