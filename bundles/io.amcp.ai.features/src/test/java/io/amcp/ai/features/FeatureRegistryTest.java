package io.amcp.ai.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureRegistryTest {

    private final FeatureRegistry registry = FeatureRegistry.standard();

    @Test
    void thereAreExactly134FeaturesWithUniqueNames() {
        assertEquals(134, registry.size());
        assertEquals(134, registry.specs().size());
        assertEquals(134, FeatureEngine.standard().width());
        Set<String> names = new HashSet<>();
        for (FeatureSpec s : registry.specs()) {
            assertTrue(names.add(s.name()), s.name());
        }
    }

    @Test
    void familiesHaveTheDocumentedSizes() {
        Map<FeatureFamily, Integer> sizes = new EnumMap<>(FeatureFamily.class);
        for (FeatureSpec s : registry.specs()) {
            sizes.merge(s.family(), 1, Integer::sum);
        }
        assertEquals(10, sizes.get(FeatureFamily.RETURNS));
        assertEquals(20, sizes.get(FeatureFamily.VOLATILITY));
        assertEquals(4, sizes.get(FeatureFamily.DISTRIBUTION));
        assertEquals(4, sizes.get(FeatureFamily.BAR_SHAPE));
        assertEquals(43, sizes.get(FeatureFamily.TECHNICAL));
        assertEquals(6, sizes.get(FeatureFamily.PRICE_POSITION));
        assertEquals(18, sizes.get(FeatureFamily.MICROSTRUCTURE));
        assertEquals(9, sizes.get(FeatureFamily.CALENDAR));
        assertEquals(20, sizes.get(FeatureFamily.REGIME));
    }

    @Test
    void indexOfFindsEveryNameAndRejectsUnknownOnes() {
        for (int i = 0; i < registry.size(); i++) {
            assertEquals(i, registry.indexOf(registry.spec(i).name()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.indexOf("nope"));
        assertTrue(e.getMessage().startsWith("name:"), e.getMessage());
        assertEquals(251, registry.maxLookback());
    }

    @Test
    void specValidationNamesTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FeatureSpec.of("Bad Name", FeatureFamily.RETURNS, "x", 1)).getMessage().startsWith("name:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FeatureSpec.of("ok", FeatureFamily.RETURNS, " ", 1)).getMessage().startsWith("formula:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FeatureSpec.of("ok", FeatureFamily.RETURNS, "x", 0)).getMessage().startsWith("lookback:"));
    }

    /**
     * docs/features.md must equal the generated table. To regenerate it, run from the repository root:
     * {@code mvn -q -o test -pl bundles/io.amcp.ai.features -Dtest=FeatureRegistryTest -Damcp.docs.write=true}.
     */
    @Test
    void docsAreInSyncWithTheRegistry() throws IOException {
        Path docs = Path.of("../../docs/features.md");
        String expected = registry.markdownTable();
        if (Boolean.getBoolean("amcp.docs.write")) {
            Files.createDirectories(docs.getParent());
            Files.writeString(docs, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(docs), "docs/features.md missing; regenerate it (see this test's Javadoc)");
        assertEquals(expected, Files.readString(docs, StandardCharsets.UTF_8),
                "docs/features.md is out of date; regenerate it (see this test's Javadoc)");
    }
}
