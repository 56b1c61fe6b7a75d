package io.amcp.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

    private static Map<String, String> parameters(Map<String, Object> given) {
        return new Args(Map.of("parameters", given), Set.of("parameters")).textMap("parameters");
    }

    @Test
    void wholeNumbersBecomeIntegerText() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("bandPeriod", 20.0);
        given.put("rsiPeriod", 14);
        given.put("bandWidth", 2.5);
        given.put("allowShort", true);
        given.put("quantity", "10");
        assertEquals(Map.of("bandPeriod", "20", "rsiPeriod", "14", "bandWidth", "2.5", "allowShort", "true",
                "quantity", "10"), parameters(given));
    }

    @Test
    void wholeDoublesBeyondALongKeepTheirValue() {
        // 1e19 is 10000000000000000000, above Long.MAX_VALUE (9223372036854775807): it used to be clamped to that
        assertEquals(Map.of("capital", "10000000000000000000"), parameters(Map.of("capital", 1e19)));
        assertEquals(Map.of("capital", "12345678901234567890.5"),
                parameters(Map.of("capital", new BigDecimal("12345678901234567890.50"))));
    }

    @Test
    void givenScalarArgumentsAsText() {
        Args args = new Args(Map.of("fast", 5.0, "quantity", "25"), Set.of("fast", "slow", "quantity"));
        assertEquals(Map.of("fast", "5", "quantity", "25"), args.texts(List.of("fast", "slow", "quantity")));
        ToolArgumentException e = assertThrows(ToolArgumentException.class,
                () -> new Args(Map.of("slow", List.of(30)), Set.of("slow")).texts(List.of("slow")));
        assertEquals("slow: value must be a string, number or boolean", e.getMessage());
    }

    @Test
    void aNonFiniteNumberIsRefusedNamingTheParameter() {
        ToolArgumentException e = assertThrows(ToolArgumentException.class,
                () -> parameters(Map.of("bandWidth", Double.NaN)));
        assertEquals("parameters", e.argument());
        assertEquals("parameters: value of 'bandWidth' must be a finite number, was NaN", e.getMessage());
    }
}
