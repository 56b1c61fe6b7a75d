package io.amcp.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.amcp.api.model.StrategyId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestStrategiesTest {

    /** A strategy configuration as the strategy bundles write them. */
    @interface BandConfig {
        String id() default "band";

        String symbol() default "AAPL";

        int period() default 20;

        double width() default 2.0;

        double oversold() default 30.5;

        boolean allowShort() default true;

        String quantity() default "10";
    }

    /** A bundle that does not describe its parameters. */
    private static final BacktestStrategies UNDESCRIBED = new BacktestStrategies() {
        @Override
        public List<String> names() {
            return List.of("band", "breakout");
        }

        @Override
        public Strategy create(String name, StrategyId id, String symbol, Map<String, String> parameters) {
            throw new UnsupportedOperationException("not needed here");
        }
    };

    @Test
    void aBundleThatDoesNotDescribeItsParametersHasNone() {
        assertEquals(Map.of(), UNDESCRIBED.parameters("breakout"));
    }

    @Test
    void anUnknownStrategyIsRefusedNamingStrategy() {
        assertEquals("strategy: unknown strategy 'momentum' (this bundle offers [band, breakout])",
                assertThrows(IllegalArgumentException.class, () -> UNDESCRIBED.parameters("momentum")).getMessage());
        assertEquals("strategy: unknown strategy 'momentum' (this bundle offers [band])",
                assertThrows(IllegalArgumentException.class,
                        () -> StrategyParameters.defaults("band", "momentum", BandConfig.class)).getMessage());
    }

    /** Every attribute but id and symbol, in name order, with the defaults written in BandConfig above. */
    @Test
    void theDefaultsAreTheConfigurationsAsText() {
        Map<String, String> defaults = StrategyParameters.defaults("band", "band", BandConfig.class);

        assertEquals(List.of("allowShort", "oversold", "period", "quantity", "width"), List.copyOf(defaults.keySet()));
        assertEquals(Map.of("allowShort", "true", "oversold", "30.5", "period", "20", "quantity", "10", "width", "2"),
                defaults);
        assertThrows(UnsupportedOperationException.class, () -> defaults.put("period", "5"));
    }

    /** What a bundle's defaults say is what its parameters read when none is given. */
    @Test
    void theDefaultTextReadsBackAsTheDefault() {
        StrategyParameters p = StrategyParameters.of("band", BandConfig.class,
                StrategyParameters.defaults("band", "band", BandConfig.class));
        assertEquals(20, p.integer("period"));
        assertEquals(2.0, p.number("width"));
        assertEquals(30.5, p.number("oversold"));
    }
}
