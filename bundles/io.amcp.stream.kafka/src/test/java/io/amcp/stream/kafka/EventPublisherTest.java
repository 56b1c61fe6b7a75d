package io.amcp.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The publisher's promise to the kernel thread: it never waits for Kafka. */
@Timeout(60)
class EventPublisherTest {

    @Test
    void withKafkaUnreachableEventsBeyondTheQueueAreDroppedAndCountedNotWaitedFor() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        InstrumentId aapl = InstrumentId.of("AAPL");
        try (EventPublisher publisher = new EventPublisher("127.0.0.1:" + port, "unreachable", StreamTopics.of("x"), 2, 0)) {
            for (int i = 0; i < 50; i++) {
                publisher.onBar(Bar.of(aapl, 1_000_000_000L * (i + 1), 10, 11, 9, 10.5, 100));
            }
            // at most one event in the publisher thread's hands and two queued; the rest were dropped
            assertThat(publisher.dropped()).isBetween(47L, 50L);
            assertThat(publisher.acknowledged()).isZero();
        }
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new EventPublisher(" ", "c", StreamTopics.of("x"), 10, 0))
                .hasMessageStartingWith("bootstrapServers:");
        assertThatThrownBy(() -> new EventPublisher("127.0.0.1:9092", "c", StreamTopics.of("x"), 0, 0))
                .hasMessageStartingWith("queueCapacity:");
        assertThatThrownBy(() -> new EventPublisher("127.0.0.1:9092", "c", StreamTopics.of("x"), 10, -1))
                .hasMessageStartingWith("lingerMs:");
    }
}
