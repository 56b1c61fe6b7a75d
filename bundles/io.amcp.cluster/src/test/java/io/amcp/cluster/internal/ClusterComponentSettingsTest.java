package io.amcp.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.cluster.ClusterSettings;
import java.lang.annotation.Annotation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The PID {@code io.amcp.cluster} as the component reads it: defaults as documented, errors naming the property. */
class ClusterComponentSettingsTest {

    private record Pid(String memberName, String[] members, long leaseMillis, int quorum, int workerThreads)
            implements ClusterConfig {

        @Override
        public Class<? extends Annotation> annotationType() {
            return ClusterConfig.class;
        }

        @Override
        public String clusterName() {
            return "amcp";
        }

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public int port() {
            return 5701;
        }

        @Override
        public int heartbeatTimeoutSeconds() {
            return 5;
        }

        @Override
        public String[] strategies() {
            return new String[0];
        }
    }

    @Test
    void pidBecomesSettings() {
        ClusterSettings s = ClusterComponent.settings(new Pid("node-2",
                new String[] {"127.0.0.1:5701", " 127.0.0.1:5702", "127.0.0.1:5703"}, 4000, 2, 3));
        assertThat(s.memberName()).isEqualTo("node-2");
        assertThat(s.members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703");
        assertThat(s.lease()).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.quorum()).isEqualTo(2);
        assertThat(s.workerThreads()).isEqualTo(3);
        // a .cfg file line "members = a, b" arrives as one string
        assertThat(ClusterComponent.settings(new Pid("n", new String[] {"127.0.0.1:5701, 127.0.0.1:5702"}, 3000, 2, 1))
                .members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
        assertThat(ClusterComponent.settings(new Pid("n", new String[] {"127.0.0.1:5701"}, 3000, 1, 0)).workerThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void badPropertiesAreNamed() {
        assertThatThrownBy(() -> ClusterComponent.settings(new Pid("n", new String[] {"127.0.0.1:5701"}, 3000, 2, 1)))
                .hasMessageStartingWith("quorum:");
        assertThatThrownBy(() -> ClusterComponent.settings(new Pid("n", new String[] {"host-without-port"}, 3000, 1, 1)))
                .hasMessageStartingWith("members:");
        assertThatThrownBy(() -> ClusterComponent.settings(new Pid("", new String[] {"127.0.0.1:5701"}, 3000, 1, 1)))
                .hasMessageStartingWith("memberName:");
    }
}
