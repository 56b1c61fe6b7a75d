package io.amcp.surveillance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.surveillance.DailySurveillance;
import io.amcp.surveillance.SurveillanceSettings;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The configuration PID io.amcp.surveillance as thresholds and schedule. */
class SurveillanceComponentTest {

    /** The configuration with its metatype defaults, except {@code values}. */
    private static SurveillanceConfig config(Map<String, Object> values) {
        return (SurveillanceConfig) Proxy.newProxyInstance(SurveillanceConfig.class.getClassLoader(),
                new Class<?>[] {SurveillanceConfig.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    @Test
    void theDefaultsAreTheDocumentedThresholdsAndNewYorkAtHalfPastFour() {
        assertThat(SurveillanceComponent.settings(config(Map.of()))).isEqualTo(SurveillanceSettings.DEFAULTS);
        assertThat(SurveillanceComponent.schedule(config(Map.of()))).isEqualTo(new DailySurveillance.Schedule(
                ZoneId.of("America/New_York"), LocalTime.of(16, 30), Duration.ofMinutes(5)));
        SurveillanceSettings s = SurveillanceComponent.settings(config(Map.of("restricted", "XYZ, ABC",
                "washPriceToleranceBps", 2.5)));
        assertThat(s.restricted()).isEqualTo(Set.of("XYZ", "ABC"));
        assertThat(s.washPriceTolerance()).isEqualTo(2.5e-4);
    }

    @Test
    void badValuesNameTheProperty() {
        assertThatThrownBy(() -> SurveillanceComponent.schedule(config(Map.of("zone", "Mars/Olympus"))))
                .hasMessageStartingWith("zone: unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> SurveillanceComponent.schedule(config(Map.of("reportTime", "half past four"))))
                .hasMessageStartingWith("reportTime: expected HH:mm");
        assertThatThrownBy(() -> SurveillanceComponent.schedule(config(Map.of("scanIntervalMinutes", 0))))
                .hasMessageStartingWith("scanIntervalMinutes:");
        assertThatThrownBy(() -> SurveillanceComponent.settings(config(Map.of("spoofSizeRatio", 0.5))))
                .hasMessageStartingWith("spoofSizeRatio:");
    }
}
