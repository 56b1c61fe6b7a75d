package io.amcp.datasource.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.amcp.api.spi.PluginStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retry, backoff, Retry-After, throttle and health against a real HTTP server on loopback. */
class ResilientHttpTest {

    /** A source's own exception, as a data source bundle would declare it. */
    static final class SourceException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String reason;
        final boolean transientFailure;

        SourceException(String subject, String reason, boolean transientFailure, Throwable cause) {
            super("test source " + subject + ": " + reason, cause);
            this.reason = reason;
            this.transientFailure = transientFailure;
        }
    }

    static final Failures<SourceException> FAILURES = new Failures<>() {
        @Override
        public Class<SourceException> type() {
            return SourceException.class;
        }

        @Override
        public SourceException create(String subject, String request, Kind kind, String reason, Throwable cause) {
            return new SourceException(subject, request + ": " + reason, true, cause);
        }

        @Override
        public boolean isTransient(SourceException failure) {
            return failure.transientFailure;
        }

        @Override
        public String reason(SourceException failure) {
            return failure.reason;
        }
    };

    private record Answer(int status, String body, String retryAfter) {
    }

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC);
    private HttpServer server;
    private URI uri;
    private int requests;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests++;
            Answer a = answers.isEmpty() ? new Answer(200, "late", null) : answers.poll();
            if (a.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", a.retryAfter());
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/q?apikey=SECRET");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ResilientHttp<SourceException> http(RetryPolicy retry, ResilientHttp.Throttle throttle) {
        return new ResilientHttp<>(ResilientHttp.Settings.of("test", "agent", Duration.ofSeconds(5), retry, throttle),
                FAILURES, clock, sleeps::add);
    }

    @Test
    void retriesAThrottledAnswerAfterTheServersRetryAfterAndCountsTheRequestOnceInTheHealth() {
        answers.add(new Answer(429, "slow down", "7"));
        answers.add(new Answer(503, "maintenance", null));
        answers.add(new Answer(200, "ok", null));
        ResilientHttp<SourceException> http = http(RetryPolicy.of(4, Duration.ofMillis(500), Duration.ofSeconds(8)),
                ResilientHttp.Throttle.NONE);

        String value = http.<String>get("AAPL", "chart", () -> uri, "application/json", (status, body) -> status + ":" + body);

        assertThat(value).isEqualTo("200:ok");
        assertThat(requests).isEqualTo(3);
        // Retry-After 7 s for the 429, then the policy's own backoff before attempt 3: 500 ms * 2^(3-2)
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(1));
        assertThat(http.health().consecutiveFailures()).isZero();
        assertThat(http.health().lastSuccess()).isEqualTo(clock.instant());
        assertThat(http.health().status().state()).isEqualTo(PluginStatus.State.ONLINE);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastReasonAndNeverShowsTheUri() {
        for (int i = 0; i < 3; i++) {
            answers.add(new Answer(500, "boom " + i, null));
        }
        ResilientHttp<SourceException> http = http(RetryPolicy.of(3, Duration.ofMillis(100), Duration.ofSeconds(1)),
                ResilientHttp.Throttle.NONE);

        assertThatThrownBy(() -> http.get("MSFT", "daily", () -> uri, "application/json", (s, b) -> b))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("gave up after 3 attempt(s); last: daily: HTTP 500 boom 2")
                .hasMessageNotContaining("SECRET");
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(http.health().consecutiveFailures()).isEqualTo(1);
        assertThat(http.health().status().state()).isEqualTo(PluginStatus.State.OFFLINE);
    }

    @Test
    void aRetryAfterLongerThanTheMaximumBackoffEndsTheRequestAtOnce() {
        answers.add(new Answer(429, "", "120"));
        ResilientHttp<SourceException> http = http(RetryPolicy.of(4, Duration.ofMillis(100), Duration.ofSeconds(8)),
                ResilientHttp.Throttle.NONE);

        assertThatThrownBy(() -> http.get("X", "quote", () -> uri, "application/json", (s, b) -> b))
                .hasMessageContaining("server asked to retry after PT2M, longer than the configured maximum backoff PT8S");
        assertThat(requests).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anAnswerTheSourceCallsTransientIsRetriedAndAPermanentOneIsNot() {
        answers.add(new Answer(200, "Note: call frequency", null));
        answers.add(new Answer(200, "data", null));
        answers.add(new Answer(404, "unknown symbol", null));
        ResilientHttp<SourceException> http = http(RetryPolicy.of(3, Duration.ofMillis(10), Duration.ofSeconds(1)),
                ResilientHttp.Throttle.NONE);
        ResilientHttp.Interpreter<String> interpreter = (status, body) -> {
            if (body.startsWith("Note")) {
                throw new SourceException("X", "throttled answer", true, null);
            }
            if (status == 404) {
                throw new SourceException("X", "no such symbol", false, null);
            }
            return body;
        };

        assertThat(http.<String>get("X", "quote", () -> uri, "application/json", interpreter)).isEqualTo("data");
        assertThatThrownBy(() -> http.get("X", "quote", () -> uri, "application/json", interpreter))
                .hasMessageContaining("no such symbol");
        assertThat(requests).isEqualTo(3);
        assertThat(http.health().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void aThrottleSlotIsWaitedForAndARefusedSlotFailsWithoutARequest() {
        Deque<Duration> slots = new ArrayDeque<>(List.of(Duration.ofSeconds(12)));
        ResilientHttp<SourceException> http = http(RetryPolicy.DEFAULT, () -> {
            if (slots.isEmpty()) {
                throw new IllegalStateException("next slot is 90 s away, more than the 30 s queue wait");
            }
            return slots.poll();
        });

        assertThat(http.<String>get("X", "q", () -> uri, "text/plain", (s, b) -> b)).isEqualTo("late");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
        assertThatThrownBy(() -> http.get("X", "q", () -> uri, "text/plain", (s, b) -> b))
                .hasMessageContaining("next slot is 90 s away");
        assertThat(requests).isEqualTo(1);
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        ResilientHttp<SourceException> http = http(RetryPolicy.DEFAULT, ResilientHttp.Throttle.NONE);
        assertThat(http.retryAfter("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(http.retryAfter("Fri, 01 Mar 2024 12:01:30 GMT")).isEqualTo(Duration.ofSeconds(90));
        assertThat(http.retryAfter("Fri, 01 Mar 2024 11:00:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(http.retryAfter("soon")).isNull();
        assertThat(http.retryAfter(null)).isNull();
    }

    @Test
    void refusesAPolicyOrTimeoutThatCannotWork() {
        assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.of(2, Duration.ofSeconds(5), Duration.ofSeconds(1))).hasMessageContaining("backoff");
        assertThatThrownBy(() -> ResilientHttp.Settings.of("f", "a", Duration.ZERO, RetryPolicy.DEFAULT, ResilientHttp.Throttle.NONE))
                .hasMessageContaining("requestTimeout");
    }
}
