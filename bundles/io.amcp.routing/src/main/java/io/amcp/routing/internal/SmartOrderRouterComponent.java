package io.amcp.routing.internal;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.PluginStatus;
import io.amcp.routing.RoutingPolicy;
import io.amcp.routing.SmartOrderRouter;
import io.amcp.routing.VenueRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The smart order router as a broker connector service ({@code amcp.router=true}) over every other
 * broker connector service. It starts only when {@code etc/io.amcp.routing.cfg} exists; the kernel uses
 * it alone when its configuration says {@code Broker.target=(amcp.router=true)}.
 */
@Component(service = BrokerConnector.class, configurationPid = "io.amcp.routing",
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = SmartOrderRouterComponent.ROUTER_PROPERTY + "=true")
@Designate(ocd = RoutingConfig.class)
public final class SmartOrderRouterComponent implements BrokerConnector {

    /** Service property that marks the router (venues are the connectors without it). */
    static final String ROUTER_PROPERTY = "amcp.router";

    private final SmartOrderRouter router;

    @Activate
    public SmartOrderRouterComponent(@Reference Clock clock, RoutingConfig config) {
        this.router = new SmartOrderRouter(policy(config), Instrument::infer, clock);
    }

    /** The policy a configuration describes; errors name the property at fault. */
    static RoutingPolicy policy(RoutingConfig config) {
        List<VenueRule> rules = new ArrayList<>();
        for (String r : config.venueRules()) {
            if (!r.isBlank()) {
                rules.add(VenueRule.parse("venueRules", r));
            }
        }
        if (!(config.splitAboveQuantity() >= 0)) {
            throw new IllegalArgumentException("splitAboveQuantity: must be >= 0, was " + config.splitAboveQuantity());
        }
        Quantity splitAbove = config.splitAboveQuantity() == 0 ? null : Quantity.of(config.splitAboveQuantity());
        if (config.refusalCooldownSeconds() < 0) {
            throw new IllegalArgumentException("refusalCooldownSeconds: must be >= 0, was " + config.refusalCooldownSeconds());
        }
        return new RoutingPolicy(config.routerId().trim(), rules, splitAbove, config.maxVenuesPerOrder(),
                Duration.ofSeconds(config.refusalCooldownSeconds()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + ROUTER_PROPERTY + "=true))")
    void addVenue(BrokerConnector venue) {
        router.addVenue(venue);
    }

    void removeVenue(BrokerConnector venue) {
        router.removeVenue(venue);
    }

    @Override
    public String id() {
        return router.id();
    }

    @Override
    public void connect(BrokerListener listener) {
        router.connect(listener);
    }

    @Override
    public void disconnect() {
        router.disconnect();
    }

    @Override
    public void submit(SubmitOrder order) {
        router.submit(order);
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        router.cancel(clientOrderId);
    }

    @Override
    public void replace(ReplaceOrder replace) {
        router.replace(replace);
    }

    @Override
    public PluginStatus status() {
        return router.status();
    }

    @Override
    public Set<ClientOrderId> resend(Collection<ClientOrderId> clientOrderIds) {
        return router.resend(clientOrderIds);
    }
}
