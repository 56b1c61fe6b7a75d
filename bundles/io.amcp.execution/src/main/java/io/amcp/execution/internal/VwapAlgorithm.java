package io.amcp.execution.internal;

import io.amcp.api.execution.AlgoContext;
import io.amcp.api.execution.AlgoWorker;
import io.amcp.api.execution.ExecutionAlgorithm;
import io.amcp.api.execution.ParentOrder;
import io.amcp.execution.ExecutionSchedule;
import io.amcp.execution.VolumeProfile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Volume-weighted average price: the parent follows the expected volume of a {@link VolumeProfile}
 * (time-of-day buckets estimated from history: 24 hours for crypto, the regular session for
 * equities). At each decision the cumulative target is {@code Q x} the profile's expected share of
 * {@code (start, t_k + interval]} over its share of {@code (start, end]}; a child tops the parent up
 * to it, so each interval's child is the parent quantity times the interval's expected volume share,
 * plus any shortfall of earlier intervals (the tracking of actual against planned fills).
 *
 * <p>Parameters: {@code profile} (text form of {@link VolumeProfile}; default from the configuration),
 * {@code decision_interval_seconds} (positive).
 */
@Component(service = ExecutionAlgorithm.class, configurationPid = "io.amcp.execution.vwap")
@Designate(ocd = VwapConfig.class)
public final class VwapAlgorithm implements ExecutionAlgorithm {

    static final String NAME = "vwap";

    private final double defaultIntervalSeconds;
    private final VolumeProfile defaultProfile;

    public VwapAlgorithm(double defaultIntervalSeconds, VolumeProfile defaultProfile) {
        Params.requirePositive("decisionIntervalSeconds", defaultIntervalSeconds);
        this.defaultIntervalSeconds = defaultIntervalSeconds;
        this.defaultProfile = defaultProfile;
    }

    @Activate
    public VwapAlgorithm(VwapConfig config) {
        this(config.decisionIntervalSeconds(), VolumeProfile.parse(config.profile()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AlgoWorker start(ParentOrder parent, AlgoContext context) {
        long interval = Params.seconds(parent, "decision_interval_seconds", defaultIntervalSeconds);
        String text = parent.parameters().get("profile");
        VolumeProfile profile = text == null ? defaultProfile : VolumeProfile.parse(text);
        long start = Math.max(parent.startTime(), context.clock().nanos());
        return new ScheduledWorker(context, ExecutionSchedule.volume(profile, start, parent.endTime()), interval).arm();
    }
}
