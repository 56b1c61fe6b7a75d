package io.amcp.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.Quantity;
import io.amcp.routing.RoutingPolicy;
import io.amcp.routing.VenueRule;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The configuration PID io.amcp.routing as the router's policy. */
class SmartOrderRouterComponentTest {

    private static RoutingConfig config(String[] rules, double splitAbove, int venues, int cooldown) {
        return new RoutingConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RoutingConfig.class;
            }

            @Override
            public String routerId() {
                return " smart ";
            }

            @Override
            public String[] venueRules() {
                return rules;
            }

            @Override
            public double splitAboveQuantity() {
                return splitAbove;
            }

            @Override
            public int maxVenuesPerOrder() {
                return venues;
            }

            @Override
            public int refusalCooldownSeconds() {
                return cooldown;
            }
        };
    }

    @Test
    void theConfigurationBecomesThePolicy() {
        RoutingPolicy p = SmartOrderRouterComponent.policy(config(new String[] {"paper:*:0", " alpaca:EQUITY,etf,CRYPTO:0.3 ", ""},
                10_000, 3, 45));
        assertThat(p).isEqualTo(new RoutingPolicy("smart", List.of(
                VenueRule.of("paper", EnumSet.allOf(AssetClass.class), 0),
                VenueRule.of("alpaca", Set.of(AssetClass.EQUITY, AssetClass.ETF, AssetClass.CRYPTO), 0.3)),
                Quantity.of(10_000), 3, Duration.ofSeconds(45)));
        assertThat(SmartOrderRouterComponent.policy(config(new String[0], 0, 2, 30)).splitAbove()).isNull();
    }

    @Test
    void badValuesNameTheProperty() {
        assertThatThrownBy(() -> SmartOrderRouterComponent.policy(config(new String[] {"paper:*:x"}, 0, 2, 30)))
                .hasMessageStartingWith("venueRules: fee bps must be a number");
        assertThatThrownBy(() -> SmartOrderRouterComponent.policy(config(new String[0], -1, 2, 30)))
                .hasMessageStartingWith("splitAboveQuantity:");
        assertThatThrownBy(() -> SmartOrderRouterComponent.policy(config(new String[0], 0, 2, -1)))
                .hasMessageStartingWith("refusalCooldownSeconds:");
        assertThatThrownBy(() -> SmartOrderRouterComponent.policy(config(new String[] {"smart:*:0"}, 0, 2, 30)))
                .hasMessageStartingWith("venueRules: the router smart cannot route to itself");
    }
}
