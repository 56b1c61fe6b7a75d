package io.amcp.datasource.economic.internal;

import static io.amcp.datasource.economic.internal.RecordedApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.spi.PluginStatus;
import io.amcp.datasource.economic.internal.Fixtures.MutableClock;
import io.amcp.datasource.economic.internal.Fixtures.RecordingSleeper;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EconomicDataComponentTest {

    @TempDir
    Path store;

    /** The configuration as Configuration Admin would hand it over: defaults unless overridden. */
    static EconomicDataConfig config(Map<String, Object> overrides) {
        return (EconomicDataConfig) Proxy.newProxyInstance(EconomicDataConfig.class.getClassLoader(),
                new Class<?>[] {EconomicDataConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return EconomicDataConfig.class;
                    }
                    return overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue();
                });
    }

    @Test
    void theDefaultsValidateAndPointAtTheRealProviders() {
        EconomicSettings settings = EconomicSettings.of(config(Map.of("storeDirectory", store.toString())));

        assertThat(settings.series()).extracting(SeriesRef::id).containsExactly("fred:UNRATE", "fred:T10Y2Y",
                "ecb:EXR/D.USD.EUR.SP00.A", "worldbank:USA/NY.GDP.MKTP.CD");
        assertThat(settings.fredBaseUrl()).isEqualTo("https://api.stlouisfed.org");
        assertThat(settings.fredReleaseTime()).isEqualTo(LocalTime.of(17, 0));
        assertThat(settings.lagDays(settings.series().get(2))).isZero();
        assertThat(settings.lagDays(settings.series().get(3))).isEqualTo(200);
        assertThat(settings.refreshInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.storeDirectory()).isEqualTo(store);
    }

    @Test
    void aCommaSeparatedSeriesListFromACfgFileIsSplit() {
        EconomicSettings settings = EconomicSettings.of(config(Map.of("series",
                new String[] {"fred:GDP, ecb:EXR/D.USD.EUR.SP00.A;lag=0 ,worldbank:USA/NY.GDP.MKTP.CD"})));

        assertThat(settings.series()).extracting(SeriesRef::id).containsExactly("fred:GDP", "ecb:EXR/D.USD.EUR.SP00.A",
                "worldbank:USA/NY.GDP.MKTP.CD");
    }

    @Test
    void badConfigurationNamesTheAttribute() {
        assertThatThrownBy(() -> EconomicSettings.of(config(Map.of("fredReleaseTime", "5pm"))))
                .hasMessageStartingWith("fredReleaseTime:");
        assertThatThrownBy(() -> EconomicSettings.of(config(Map.of("ecbBaseUrl", "data-api.ecb.europa.eu"))))
                .hasMessageStartingWith("ecbBaseUrl:");
        assertThatThrownBy(() -> EconomicSettings.of(config(Map.of("refreshIntervalMinutes", 0L))))
                .hasMessageStartingWith("refreshIntervalMinutes:");
        assertThatThrownBy(() -> EconomicSettings.of(config(Map.of("maxAttempts", 0))))
                .hasMessageStartingWith("maxAttempts:");
        assertThatThrownBy(() -> EconomicSettings.of(config(Map.of("series", new String[] {"fred:GDP", "fred:GDP"}))))
                .hasMessageStartingWith("series: 'fred:GDP' is listed twice");
    }

    @Test
    void refreshesOnItsOwnThreadRightAfterActivation() throws Exception {
        try (RecordedApi api = new RecordedApi()) {
            api.on("/fred/series/observations", json(200, "fred_gdp_vintages.json"));
            EconomicDataService service = Fixtures.service(Fixtures.settings(api, store, "fred:GDP"), Fixtures.VAULT, Map.of(),
                    new MutableClock(Instant.parse("2014-08-23T12:00:00Z")), new RecordingSleeper());
            EconomicDataComponent component = new EconomicDataComponent(service, Duration.ofHours(1).toMillis());
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (component.health().get(0).lastSuccess() == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(component.health().get(0).observations()).isEqualTo(9);
                assertThat(component.status()).isEqualTo(PluginStatus.ONLINE);
                assertThat(component.seriesIds()).containsExactly("fred:GDP");
                assertThat(component.asOf("fred:GDP", Instant.parse("2014-06-01T00:00:00Z"))).hasSize(2);
            } finally {
                component.deactivate();
            }
        }
    }
}
