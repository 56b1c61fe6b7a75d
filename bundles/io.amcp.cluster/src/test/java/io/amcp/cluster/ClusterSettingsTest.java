package io.amcp.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static final List<String> THREE = List.of("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703");

    @Test
    void loopbackDefaultsToAMajorityQuorum() {
        ClusterSettings s = ClusterSettings.loopback("amcp", "a", 5701, THREE);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.quorum()).isEqualTo(2);
        assertThat(ClusterSettings.loopback("amcp", "a", 5701, List.of("127.0.0.1:5701")).quorum()).isEqualTo(1);
    }

    @Test
    void errorsNameTheFieldAtFault() {
        Duration lease = Duration.ofSeconds(3);
        Duration hb = Duration.ofSeconds(5);
        assertThatThrownBy(() -> new ClusterSettings("amcp", "a", "127.0.0.1", 0, THREE, lease, 2, hb, 1))
                .hasMessage("port: must be between 1 and 65535, was 0");
        assertThatThrownBy(() -> new ClusterSettings("amcp", "a", "127.0.0.1", 5701, List.of("localhost"), lease, 1, hb, 1))
                .hasMessage("members: 'localhost' is not host:port");
        assertThatThrownBy(() -> new ClusterSettings("amcp", "a", "127.0.0.1", 5701, THREE, lease, 4, hb, 1))
                .hasMessage("quorum: must be between 1 and the number of members (3), was 4");
        assertThatThrownBy(() -> new ClusterSettings("amcp", "a", "127.0.0.1", 5701, THREE, Duration.ofMillis(10), 2, hb, 1))
                .hasMessageStartingWith("lease: must be at least 400 ms");
        assertThatThrownBy(() -> new ClusterSettings(" ", "a", "127.0.0.1", 5701, THREE, lease, 2, hb, 1))
                .hasMessage("clusterName: must not be blank");
    }
}
