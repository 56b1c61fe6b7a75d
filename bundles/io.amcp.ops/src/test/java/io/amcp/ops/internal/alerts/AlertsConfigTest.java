package io.amcp.ops.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The channels a configuration enables, and configuration errors naming the property at fault. */
class AlertsConfigTest {

    /** An {@link AlertsConfig} with the annotation's defaults except {@code values}, as SCR builds it. */
    static AlertsConfig config(Map<String, Object> values) {
        return (AlertsConfig) Proxy.newProxyInstance(AlertsConfig.class.getClassLoader(), new Class<?>[] {AlertsConfig.class},
                (p, m, a) -> values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue());
    }

    @Test
    void defaultsLogOnlyAndConfiguredChannelsAreAdded() {
        assertThat(AlertsComponent.routes(config(Map.of()))).extracting(r -> r.channel().name()).containsExactly("log");
        assertThat(AlertsComponent.routes(config(Map.of("webhookUrl", "https://hooks.example/x", "smtpHost", "127.0.0.1",
                "smtpTo", "ops@desk.example, risk@desk.example"))))
                .extracting(r -> r.channel().name() + ":" + r.minimum() + ":" + r.perPeriod())
                .containsExactly("log:INFO:120", "webhook:WARNING:10", "email:CRITICAL:20");
    }

    @Test
    void badValuesNameTheProperty() {
        assertThatThrownBy(() -> AlertsComponent.routes(config(Map.of("webhookUrl", "not a url"))))
                .hasMessageContaining("webhookUrl");
        assertThatThrownBy(() -> AlertsComponent.routes(config(Map.of("smtpHost", "relay", "smtpTo", "nobody"))))
                .hasMessageContaining("smtpTo");
        assertThatThrownBy(() -> AlertsComponent.routes(config(Map.of("smtpHost", "relay", "smtpTo", "a@b",
                "smtpMinimumSeverity", "LOUD")))).hasMessageContaining("smtpMinimumSeverity");
        assertThatThrownBy(() -> AlertsComponent.routes(config(Map.of("webhookUrl", "http://h/x", "webhookPerMinute", 0))))
                .hasMessageContaining("webhookPerMinute");
        assertThatThrownBy(() -> AlertsComponent.routes(config(Map.of("dedupWindowSeconds", -1L))))
                .hasMessageContaining("dedupWindowSeconds");
    }
}
