package io.amcp.risk.rules.internal;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskAction;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Weight of one symbol ({@code |MV|}) and of one sector (sum of {@code |MV|} of its symbols) in the
 * gross exposure. The denominator is {@code max(gross exposure, equity)}, so that an account that is
 * mostly cash can open its first positions (with the gross exposure alone the first position would
 * always weigh 100%). Pre-trade, the order's symbol and sector are measured as if the order filled at
 * its reference price; an order that would break a limit and adds to the symbol's exposure is
 * refused. Monitored after every market event over the symbols the rule has seen and the configured
 * ones; {@code reduce} sells the breaching symbol (or every symbol of the breaching sector in
 * proportion) down to the limit.
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.risk.rules.concentration",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConcentrationConfig.class, factory = true)
public final class ConcentrationRule extends LimitRule<ConcentrationRule.Limits> {

    record Limits(String name, RiskAction action, double maxSymbol, double maxSector,
            Map<InstrumentId, String> sectors) implements LimitRule.Limits {

        static Limits of(ConcentrationConfig c) {
            double sector = c.maxSectorPercent() == 0 ? 0 : Settings.percent("maxSectorPercent", c.maxSectorPercent());
            return new Limits(Settings.name(c.name(), "concentration"), Settings.action(c.action()),
                    Settings.percent("maxSymbolPercent", c.maxSymbolPercent()) / 100, sector / 100,
                    Map.copyOf(Settings.symbolMap("sectors", c.sectors(), v -> {
                        if (v.isBlank()) {
                            throw new IllegalArgumentException("sector name is empty");
                        }
                        return v;
                    })));
        }
    }

    @Activate
    public ConcentrationRule(ConcentrationConfig config) {
        super(Limits.of(config));
    }

    @Modified
    void modified(ConcentrationConfig config) {
        update(Limits.of(config));
    }

    @Override
    public boolean monitors() {
        return true;
    }

    @Override
    String preTrade(Limits l, SubmitOrder order, StrategyId strategy, RiskContext context) {
        double notional = Exposures.signedNotional(order, context);
        if (Double.isNaN(notional)) {
            return "no price known for " + order.instrument() + " to value the order";
        }
        InstrumentId id = order.instrument();
        double held = Exposures.marketValue(context, id);
        double after = Math.abs(held + notional);
        if (after <= Math.abs(held)) {
            return null;
        }
        double gross = Exposures.gross(context.account()) - Math.abs(held) + after;
        double denominator = Math.max(gross, context.account().equity().toDouble());
        double weight = after / denominator;
        if (weight > l.maxSymbol) {
            return id + " would be " + Exposures.percent(weight) + " of gross exposure, limit "
                    + Exposures.plain(l.maxSymbol * 100) + "%";
        }
        String sector = l.sectors.get(id);
        if (l.maxSector > 0 && sector != null) {
            double sum = after;
            for (Map.Entry<InstrumentId, String> e : l.sectors.entrySet()) {
                if (e.getValue().equals(sector) && !e.getKey().equals(id)) {
                    sum += Math.abs(Exposures.marketValue(context, e.getKey()));
                }
            }
            double sectorWeight = sum / denominator;
            if (sectorWeight > l.maxSector) {
                return "sector " + sector + " would be " + Exposures.percent(sectorWeight)
                        + " of gross exposure with " + id + ", limit " + Exposures.plain(l.maxSector * 100) + "%";
            }
        }
        return null;
    }

    /** The symbols measured after a market event. */
    private Set<InstrumentId> universe(Limits l) {
        Set<InstrumentId> all = new TreeSet<>(seenInstruments());
        all.addAll(l.sectors.keySet());
        return all;
    }

    @Override
    String breach(Limits l, RiskContext context) {
        Breach b = worst(l, context);
        return b == null ? null : b.description;
    }

    private record Breach(String description, List<InstrumentId> members, double exposure, double limit) {
    }

    private Breach worst(Limits l, RiskContext context) {
        double gross = Exposures.gross(context.account());
        double denominator = Math.max(gross, context.account().equity().toDouble());
        if (denominator <= 0) {
            return null;
        }
        for (InstrumentId id : universe(l)) {
            double exposure = Math.abs(Exposures.marketValue(context, id));
            if (exposure / denominator > l.maxSymbol) {
                return new Breach(id + " is " + Exposures.percent(exposure / denominator) + " of gross exposure, limit "
                        + Exposures.plain(l.maxSymbol * 100) + "%", List.of(id), exposure, l.maxSymbol);
            }
        }
        if (l.maxSector > 0) {
            for (String sector : new TreeSet<>(l.sectors.values())) {
                List<InstrumentId> members = new ArrayList<>();
                double exposure = 0;
                for (Map.Entry<InstrumentId, String> e : l.sectors.entrySet()) {
                    if (e.getValue().equals(sector)) {
                        members.add(e.getKey());
                        exposure += Math.abs(Exposures.marketValue(context, e.getKey()));
                    }
                }
                if (exposure / denominator > l.maxSector) {
                    return new Breach("sector " + sector + " is " + Exposures.percent(exposure / denominator)
                            + " of gross exposure, limit " + Exposures.plain(l.maxSector * 100) + "%", members, exposure,
                            l.maxSector);
                }
            }
        }
        return null;
    }

    /**
     * Sells down to the limit: with gross exposure G at least equity E, selling x leaves
     * {@code (exposure - x) / (G - x) = limit}, so {@code x = (exposure - limit G) / (1 - limit)};
     * when that would take G below E the denominator is E and {@code x = exposure - limit E}.
     */
    @Override
    List<SubmitOrder> reducingOrders(Limits l, RiskContext context) {
        Breach b = worst(l, context);
        if (b == null) {
            return List.of();
        }
        double gross = Exposures.gross(context.account());
        double equity = context.account().equity().toDouble();
        double x = (b.exposure - b.limit * gross) / (1 - b.limit);
        if (gross - x < equity) {
            x = b.exposure - b.limit * equity;
        }
        return Exposures.scaleDown(context, b.members, x / b.exposure);
    }
}
