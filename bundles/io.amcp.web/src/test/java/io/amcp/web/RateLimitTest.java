package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-key token bucket as seen through HTTP: 3 requests a minute with a burst of 3. */
class RateLimitTest {

    @Test
    void theFourthRequestInAMinuteIs429WithRateLimitHeaders() {
        try (PaperNode node = new PaperNode(AlpacaApiSettings.defaults().withRateLimit(3, 3))) {
            Http http = new Http(node.baseUrl);
            for (int remaining = 2; remaining >= 0; remaining--) {
                Http.Reply r = http.get("/v2/clock", node.trader);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("X-RateLimit-Limit")).isEqualTo("3");
                assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
            }
            Http.Reply limited = http.get("/v2/clock", node.trader);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().getInteger("code")).isEqualTo(42910000);
            assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
            // three tokens at one per 20 s refill in at most 60 s after the simulated clock's now (2024-03-04T15:00:00Z)
            long reset = Long.parseLong(limited.header("X-RateLimit-Reset"));
            assertThat(reset).isBetween(PaperNode.START.getEpochSecond() + 1, PaperNode.START.getEpochSecond() + 61);
            // another key has its own bucket
            assertThat(http.get("/v2/clock", node.viewer).status()).isEqualTo(200);
        }
    }
}
