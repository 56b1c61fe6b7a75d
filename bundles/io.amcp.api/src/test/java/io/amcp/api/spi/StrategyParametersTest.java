package io.amcp.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyParametersTest {

    /** A strategy configuration as the strategy bundles write them (no retention: as a DS config type). */
    @interface BandConfig {
        String id() default "band";

        String symbol() default "AAPL";

        int period() default 20;

        double width() default 2.0;

        boolean allowShort() default true;

        String quantity() default "10";
    }

    private static StrategyParameters band(Map<String, String> given) {
        return StrategyParameters.of("band", BandConfig.class, given);
    }

    @Test
    void absentParametersTakeTheConfigurationDefaults() {
        StrategyParameters p = band(Map.of());
        // the defaults written in BandConfig above
        assertEquals(20, p.integer("period"));
        assertEquals(2.0, p.number("width"));
        assertTrue(p.bool("allowShort"));
        assertEquals(Quantity.of(10), p.decimal("quantity", Quantity::of));
    }

    @Test
    void givenTextIsReadAsTheAttributeType() {
        StrategyParameters p = band(Map.of("period", " 5 ", "width", "1.5", "allowShort", "false", "quantity", "2.5"));
        assertEquals(5, p.integer("period"));
        assertEquals(1.5, p.number("width"));
        assertFalse(p.bool("allowShort"));
        assertEquals(Quantity.of("2.5"), p.decimal("quantity", Quantity::of));
    }

    @Test
    void errorsNameTheParameter() {
        assertEquals("period: not an integer: '2.5'", assertThrows(IllegalArgumentException.class,
                () -> band(Map.of("period", "2.5")).integer("period")).getMessage());
        assertEquals("width: not a number: 'wide'", assertThrows(IllegalArgumentException.class,
                () -> band(Map.of("width", "wide")).number("width")).getMessage());
        assertEquals("allowShort: not true or false: 'yes'", assertThrows(IllegalArgumentException.class,
                () -> band(Map.of("allowShort", "yes")).bool("allowShort")).getMessage());
        assertEquals("quantity: not a number: 'ten'", assertThrows(IllegalArgumentException.class,
                () -> band(Map.of("quantity", "ten")).decimal("quantity", Quantity::of)).getMessage());
    }

    @Test
    void onlyTheConfigurationsTuningAttributesAreParameters() {
        assertEquals("fast: not a parameter of band [allowShort, period, quantity, width]",
                assertThrows(IllegalArgumentException.class, () -> band(Map.of("fast", "5"))).getMessage());
        // id and symbol name the instance; a backtest gives its own
        assertEquals("symbol: not a parameter of band [allowShort, period, quantity, width]",
                assertThrows(IllegalArgumentException.class, () -> band(Map.of("symbol", "MSFT"))).getMessage());
    }

    @Test
    void askingForAnotherStrategyIsRefused() {
        StrategyParameters.requireName("band", "band");
        assertEquals("name: unknown strategy 'momentum' (this bundle offers [band])",
                assertThrows(IllegalArgumentException.class, () -> StrategyParameters.requireName("band", "momentum"))
                        .getMessage());
    }

    @Test
    void readingAnAttributeAsTheWrongTypeIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> band(Map.of()).integer("width"));
        assertThrows(IllegalStateException.class, () -> band(Map.of()).number("nope"));
    }
}
