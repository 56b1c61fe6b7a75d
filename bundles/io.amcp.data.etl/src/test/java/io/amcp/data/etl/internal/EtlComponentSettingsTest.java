package io.amcp.data.etl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.InstrumentId;
import io.amcp.data.etl.AlpacaPullSettings;
import io.amcp.data.etl.FileDropSettings;
import io.amcp.data.etl.LiveIngestSettings;
import io.amcp.datasource.file.BarSize;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed configurations of the ETL components, as SCR would build them (given properties, else
 * the annotation defaults), turned into route settings; bad values name the property.
 */
class EtlComponentSettingsTest {

    @SuppressWarnings("unchecked")
    private static <A> A config(Class<A> type, Map<String, Object> properties) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object value = properties.get(method.getName());
            if (value == null) {
                value = method.getDefaultValue();
            }
            if (value == null) {
                throw new IllegalStateException("no value for " + method.getName());
            }
            return value;
        });
    }

    @Test
    void liveDefaults() {
        LiveIngestSettings s = LiveIngestComponent.settings(config(LiveIngestConfig.class, Map.of()));
        assertThat(s).isEqualTo(new LiveIngestSettings("etl-live", "live", BarSize.ONE_MINUTE, 1000, 5000,
                Path.of("data/reports"), 3, 1000));
    }

    @Test
    void liveRetriesFromConfiguration() {
        LiveIngestSettings s = LiveIngestComponent.settings(config(LiveIngestConfig.class,
                Map.of("retryAttempts", 5, "retryBackoffMillis", 250L)));
        assertThat(s.attempts()).isEqualTo(5);
        assertThat(s.backoffMillis()).isEqualTo(250);
        assertThatThrownBy(() -> LiveIngestComponent.settings(config(LiveIngestConfig.class, Map.of("retryAttempts", 0))))
                .hasMessage("retryAttempts: must be at least 1, was 0");
    }

    @Test
    void liveRejectsAZeroBatch() {
        assertThatThrownBy(() -> LiveIngestComponent.settings(config(LiveIngestConfig.class, Map.of("batchSize", 0))))
                .hasMessage("batchSize: must be at least 1, was 0");
    }

    @Test
    void alpacaPullFromConfiguration() {
        AlpacaPullSettings s = AlpacaPullComponent.settings(config(AlpacaPullConfig.class,
                Map.of("symbols", new String[] {"AAPL", " MSFT "}, "start", "2024-01-02T00:00:00Z", "barSize", "1d")));
        assertThat(s.symbols()).containsExactly(InstrumentId.of("AAPL"), InstrumentId.of("MSFT"));
        assertThat(s.barSize()).isEqualTo(BarSize.ONE_DAY);
        assertThat(s.start()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(s.dataset()).isEqualTo("alpaca");
        assertThat(s.periodMillis()).isEqualTo(60_000);
    }

    @Test
    void alpacaPullNamesABadStart() {
        assertThatThrownBy(() -> AlpacaPullComponent.settings(config(AlpacaPullConfig.class,
                Map.of("symbols", new String[] {"AAPL"}, "start", "yesterday"))))
                .hasMessageStartingWith("start: expected an ISO-8601 UTC instant");
    }

    @Test
    void alpacaPullNeedsASymbol() {
        assertThatThrownBy(() -> AlpacaPullComponent.settings(config(AlpacaPullConfig.class,
                Map.of("symbols", new String[] {" "}, "start", "2024-01-02T00:00:00Z"))))
                .hasMessage("symbols: at least one symbol is required");
    }

    @Test
    void fileDropReportsDefaultIntoTheInbox() {
        FileDropSettings s = FileDropComponent.settings(config(FileDropConfig.class, Map.of("inbox", "in")));
        assertThat(s).isEqualTo(new FileDropSettings(Path.of("in"), "dropped", null, Path.of("in/.reports"), 1000));
    }

    /** The descriptors bnd generated (OSGI-INF), read back: one PID each, as the README lists them. */
    @Test
    void configurationsAreOnePidEach() throws Exception {
        Map<Class<?>, String> expected = Map.of(HistoryStoreComponent.class, "io.amcp.data.etl.store",
                FileDropComponent.class, "io.amcp.data.etl.filedrop", AlpacaPullComponent.class, "io.amcp.data.etl.alpaca",
                LiveIngestComponent.class, "io.amcp.data.etl.live");
        for (Map.Entry<Class<?>, String> e : expected.entrySet()) {
            String xml;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("OSGI-INF/" + e.getKey().getName() + ".xml")) {
                assertThat(in).as("descriptor of %s", e.getKey().getSimpleName()).isNotNull();
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(xml).contains("configuration-pid=\"" + e.getValue() + "\"");
        }
    }
}
