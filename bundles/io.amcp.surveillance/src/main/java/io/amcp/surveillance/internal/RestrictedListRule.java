package io.amcp.surveillance.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import java.util.LinkedHashSet;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Pre-trade: refuses every new order in a restricted or halted symbol, naming the list. The lists are
 * replaced as a whole when the configuration changes (a halt is lifted by removing the symbol).
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.surveillance.restricted")
@Designate(ocd = RestrictedListConfig.class)
public final class RestrictedListRule implements RiskRule {

    static final String NAME = "restricted-list";

    private volatile Lists lists;

    record Lists(Set<InstrumentId> restricted, Set<InstrumentId> halted) {
    }

    public RestrictedListRule(Set<InstrumentId> restricted, Set<InstrumentId> halted) {
        this.lists = new Lists(Set.copyOf(restricted), Set.copyOf(halted));
    }

    @Activate
    public RestrictedListRule(RestrictedListConfig config) {
        this.lists = parse(config);
    }

    @Modified
    void modified(RestrictedListConfig config) {
        lists = parse(config);
    }

    static Lists parse(RestrictedListConfig config) {
        return new Lists(symbols("restricted", config.restricted()), symbols("halted", config.halted()));
    }

    static Set<InstrumentId> symbols(String field, String text) {
        Set<InstrumentId> out = new LinkedHashSet<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                try {
                    out.add(InstrumentId.of(s.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
                }
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
        Lists l = lists;
        if (l.restricted().contains(order.instrument())) {
            return RiskDecision.reject(NAME, order.instrument() + " is on the restricted list");
        }
        if (l.halted().contains(order.instrument())) {
            return RiskDecision.reject(NAME, "trading in " + order.instrument() + " is halted");
        }
        return RiskDecision.APPROVED;
    }
}
