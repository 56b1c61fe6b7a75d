package io.amcp.ops.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.amcp.api.spi.Clock;
import io.amcp.ops.Severity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alert service against a real local webhook receiver and a real local SMTP server, with a
 * hand-driven clock and same-thread delivery so every count is exact.
 */
class AlertDispatcherTest {

    final long[] now = {Instant.parse("2024-03-04T15:00:00Z").getEpochSecond() * 1_000_000_000L};
    final Clock clock = () -> now[0];
    final List<String> posts = new CopyOnWriteArrayList<>();
    final AtomicInteger webhookStatus = new AtomicInteger(200);
    HttpServer webhook;
    SmtpRecorder smtp;

    @BeforeEach
    void start() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/hook", ex -> {
            posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(webhookStatus.get(), body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        webhook.start();
        smtp = new SmtpRecorder();
    }

    @AfterEach
    void stop() throws Exception {
        webhook.stop(0);
        smtp.close();
    }

    void advanceSeconds(long s) {
        now[0] += s * 1_000_000_000L;
    }

    AlertDispatcher dispatcher(int webhookPerMinute, int mailsPerHour) {
        URI url = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        SmtpClient client = new SmtpClient("127.0.0.1", smtp.port(), "amcp-test", Duration.ofSeconds(5));
        return new AlertDispatcher(clock, Duration.ofMinutes(5), List.of(
                new AlertDispatcher.Route(new LogChannel(), Severity.INFO, 1000, Duration.ofMinutes(1)),
                new AlertDispatcher.Route(new WebhookChannel(url, "node-1", Duration.ofSeconds(5)), Severity.WARNING,
                        webhookPerMinute, Duration.ofMinutes(1)),
                new AlertDispatcher.Route(new EmailChannel(client, "amcp@desk.example", List.of("ops@desk.example",
                        "risk@desk.example"), "node-1", ZoneId.of("America/New_York")), Severity.CRITICAL,
                        mailsPerHour, Duration.ofHours(1))),
                Runnable::run);
    }

    @Test
    void sameKeyWithinTheWindowIsSentOnceAndAgainAfterIt() {
        AlertDispatcher d = dispatcher(10, 10);
        assertThat(d.raise(Severity.WARNING, "ops.health", "data-stale", "AAPL 600s")).isTrue();
        advanceSeconds(60);
        assertThat(d.raise(Severity.WARNING, "ops.health", "data-stale", "AAPL 660s")).isFalse();
        advanceSeconds(239); // 299 s after the first: still inside the 5-minute window
        assertThat(d.raise(Severity.WARNING, "ops.health", "data-stale", "AAPL 899s")).isFalse();
        assertThat(d.raise(Severity.WARNING, "ops.health", "other-key", "x")).isTrue();
        advanceSeconds(1); // 300 s: the window has passed
        assertThat(d.raise(Severity.WARNING, "ops.health", "data-stale", "AAPL 900s")).isTrue();

        assertThat(d.duplicates()).isEqualTo(2);
        assertThat(posts).hasSize(3);
        assertThat(posts.get(0)).isEqualTo("{\"severity\":\"WARNING\",\"source\":\"ops.health\",\"key\":\"data-stale\","
                + "\"message\":\"AAPL 600s\",\"time\":\"2024-03-04T15:00:00Z\",\"node\":\"node-1\","
                + "\"text\":\"[WARNING] node-1 ops.health: AAPL 600s\"}");
        assertThat(d.sent("log")).isEqualTo(3);
        assertThat(smtp.mails).isEmpty(); // WARNING is below the e-mail channel's CRITICAL minimum
    }

    @Test
    void eachChannelIsRateLimitedOnItsOwn() {
        AlertDispatcher d = dispatcher(2, 10);
        for (int i = 0; i < 5; i++) {
            assertThat(d.raise(Severity.WARNING, "ops.reconciliation", "diff-" + i, "difference " + i)).isTrue();
        }
        // 2 per minute: two go out at once, three are limited; the log channel (1000/min) sends all five
        assertThat(posts).hasSize(2);
        assertThat(d.rateLimited("webhook")).isEqualTo(3);
        assertThat(d.sent("log")).isEqualTo(5);
        advanceSeconds(30); // refill at 2 per 60 s: one token after 30 s
        d.raise(Severity.WARNING, "ops.reconciliation", "diff-5", "difference 5");
        d.raise(Severity.WARNING, "ops.reconciliation", "diff-6", "difference 6");
        assertThat(posts).hasSize(3);
        assertThat(posts.get(2)).contains("\"key\":\"diff-5\"");
        assertThat(d.rateLimited("webhook")).isEqualTo(4);
    }

    @Test
    void criticalAlertsAreMailedThroughSmtpWithHeadersAndDotStuffing() {
        AlertDispatcher d = dispatcher(10, 1);
        d.raise(Severity.CRITICAL, "ops.risk", "kill-switch", "Kill switch engaged: daily loss 5000\n.\nend");
        d.raise(Severity.CRITICAL, "ops.health", "broker-offline:paper", "paper OFFLINE");

        assertThat(smtp.mails).hasSize(1); // one e-mail per hour allowed
        SmtpRecorder.Mail mail = smtp.mails.get(0);
        assertThat(mail.from()).isEqualTo("amcp@desk.example");
        assertThat(mail.to()).containsExactly("ops@desk.example", "risk@desk.example");
        assertThat(mail.data()).contains("Subject: [AMCP CRITICAL] node-1 ops.risk: kill-switch\n")
                .contains("To: ops@desk.example, risk@desk.example\n")
                .contains("Date: Mon, 4 Mar 2024 10:00:00 -0500\n")
                .contains("Content-Type: text/plain; charset=UTF-8\n")
                .contains("\n\nKill switch engaged: daily loss 5000\n.\nend\n");
        assertThat(d.rateLimited("email")).isEqualTo(1);
        assertThat(posts).hasSize(2);
    }

    @Test
    void aFailingWebhookIsCountedAndTheOtherChannelsStillDeliver() {
        webhookStatus.set(429);
        AlertDispatcher d = dispatcher(10, 10);
        d.raise(Severity.CRITICAL, "ops.health", "kernel-unresponsive", "no answer in 5 s");
        assertThat(d.failed("webhook")).isEqualTo(1);
        assertThat(d.sent("webhook")).isZero();
        assertThat(d.sent("email")).isEqualTo(1);
        assertThat(d.sent("log")).isEqualTo(1);
    }

    @Test
    void configurationErrorsNameTheProperty() {
        assertThatThrownBy(() -> Severity.parse("webhookMinimumSeverity", "urgent"))
                .hasMessageContaining("webhookMinimumSeverity");
        assertThatThrownBy(() -> new WebhookChannel(URI.create("ftp://x/y"), "n", Duration.ofSeconds(1)))
                .hasMessageContaining("webhookUrl");
        assertThatThrownBy(() -> new SmtpClient("127.0.0.1", 0, "n", Duration.ofSeconds(1)))
                .hasMessageContaining("smtpPort");
        AlertDispatcher d = dispatcher(1, 1);
        assertThatThrownBy(() -> d.raise(Severity.INFO, " ", "k", "m")).hasMessageContaining("source");
        assertThatThrownBy(() -> d.raise(Severity.INFO, "s", "", "m")).hasMessageContaining("key");
    }
}
