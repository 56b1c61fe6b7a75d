package io.amcp.datasource.economic.internal;

import static io.amcp.datasource.economic.internal.RecordedApi.json;
import static io.amcp.datasource.economic.internal.RecordedApi.throttled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.altdata.MacroObservation;
import io.amcp.api.spi.PluginStatus;
import io.amcp.datasource.economic.SeriesHealth;
import io.amcp.datasource.economic.internal.Fixtures.MutableClock;
import io.amcp.datasource.economic.internal.Fixtures.RecordingSleeper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FRED/ALFRED GDP vintages (see payloads/README.md): the expected values are ALFRED's, as the
 * fredapi README prints them for "as of 2014-06-01" and for the latest release.
 */
class FredVintagesTest {

    static final String GDP = "fred:GDP";
    static final LocalDate Q4_2013 = LocalDate.of(2013, 10, 1);
    static final LocalDate Q1_2014 = LocalDate.of(2014, 1, 1);
    static final LocalDate Q2_2014 = LocalDate.of(2014, 4, 1);

    @TempDir
    Path store;
    final RecordedApi api = new RecordedApi();
    final MutableClock clock = new MutableClock(Instant.parse("2014-08-23T12:00:00Z"));
    final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void close() {
        api.close();
    }

    static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("America/New_York")).toInstant();
    }

    EconomicDataService service() {
        return Fixtures.service(Fixtures.settings(api, store, GDP), Fixtures.VAULT, Map.of(), clock, sleeper);
    }

    static double value(List<MacroObservation> known, LocalDate period) {
        return known.stream().filter(o -> o.period().equals(period)).findFirst().orElseThrow().value();
    }

    @Test
    void aRevisionIsNotSeenBeforeItsReleaseAndTheOriginalIsSeenBetween() {
        api.on("/fred/series/observations", json(200, "fred_gdp_vintages.json"));
        EconomicDataService service = service();

        assertThat(service.refresh(GDP)).isTrue();

        // 2014Q1 first released 2014-04-30 (17149.6), revised 2014-05-29 (17101.3); release time 17:00 New York
        assertThat(service.asOf(GDP, newYork("2014-04-30T16:59:59"))).extracting(MacroObservation::period)
                .containsExactly(Q4_2013);
        assertThat(value(service.asOf(GDP, newYork("2014-04-30T17:00:00")), Q1_2014)).isEqualTo(17149.6);
        assertThat(value(service.asOf(GDP, newYork("2014-05-29T16:59:59")), Q1_2014)).isEqualTo(17149.6);
        assertThat(value(service.asOf(GDP, newYork("2014-05-29T17:00:00")), Q1_2014)).isEqualTo(17101.3);

        // fredapi README, get_series_as_of_date('GDP', '6/1/2014'): 2013Q4 17089.6, 2014Q1 17101.3
        List<MacroObservation> june = service.asOf(GDP, newYork("2014-06-01T00:00:00"));
        assertThat(june).extracting(MacroObservation::period).containsExactly(Q4_2013, Q1_2014);
        assertThat(june).extracting(MacroObservation::value).containsExactly(17089.6, 17101.3);
        assertThat(june.get(1).released()).isEqualTo(newYork("2014-05-29T17:00:00"));

        // fredapi README, latest release: 2013Q4 17078.3, 2014Q1 17044.0, 2014Q2 17294.7
        assertThat(service.asOf(GDP, newYork("2014-08-01T00:00:00"))).extracting(MacroObservation::value)
                .containsExactly(17078.3, 17044.0, 17294.7);
        assertThat(service.latest(GDP, newYork("2014-08-01T00:00:00"))).get()
                .extracting(MacroObservation::period).isEqualTo(Q2_2014);
        assertThat(service.releases(GDP)).hasSize(9);
    }

    @Test
    void asksForEveryVintageWithTheKeyFromTheCredentialStore() {
        api.on("/fred/series/observations", json(200, "fred_gdp_vintages.json"));
        service().refresh(GDP);

        URI request = api.requests().get(0);
        assertThat(request.getQuery()).contains("series_id=GDP", "api_key=" + Fixtures.KEY, "file_type=json",
                "realtime_start=1776-07-04", "realtime_end=9999-12-31");
    }

    @Test
    void theEnvironmentVariableIsTheFallbackForTheKey() {
        api.on("/fred/series/observations", json(200, "fred_gdp_vintages.json"));
        EconomicDataService service = Fixtures.service(Fixtures.settings(api, store, GDP), null,
                Map.of("FRED_API_KEY", "fromenv"), clock, sleeper);

        assertThat(service.refresh(GDP)).isTrue();
        assertThat(api.requests().get(0).getQuery()).contains("api_key=fromenv");
    }

    @Test
    void aMissingKeyIsNamedAndNothingIsRequested() {
        EconomicDataService service = Fixtures.service(Fixtures.settings(api, store, GDP), name -> java.util.Optional.empty(),
                Map.of(), clock, sleeper);

        assertThat(service.refresh(GDP)).isFalse();
        assertThat(service.health().get(0).lastError()).startsWith("missing credential 'fred.api-key'")
                .contains("FRED_API_KEY");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aRejectedKeyIsReportedWithFredsMessageWithoutRetryAndWithoutTheKey() {
        api.on("/fred/series/observations", json(400, "fred_error_bad_api_key.json"));
        EconomicDataService service = service();

        assertThat(service.refresh(GDP)).isFalse();

        SeriesHealth health = service.health().get(0);
        assertThat(health.lastError()).startsWith("FRED error 400: Bad Request.  The value for variable api_key is not registered.")
                .doesNotContain(Fixtures.KEY);
        assertThat(health.consecutiveFailures()).isEqualTo(1);
        assertThat(health.status().state()).isEqualTo(PluginStatus.State.OFFLINE);
        assertThat(service.status().reason()).startsWith("fred:GDP: 1 failed refresh(es) in a row: FRED error 400");
        assertThat(api.requests()).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aThrottledRequestWaitsRetryAfterAndThenSucceeds() {
        api.on("/fred/series/observations", throttled("fred_error_429.json", "2"), json(200, "fred_gdp_vintages.json"));
        EconomicDataService service = service();

        assertThat(service.refresh(GDP)).isTrue();

        assertThat(api.requests()).hasSize(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
        assertThat(service.health().get(0).lastSuccess()).isEqualTo(clock.instant());
        assertThat(service.health().get(0).observations()).isEqualTo(9);
        assertThat(service.health().get(0).latestPeriod()).isEqualTo(Q2_2014);
    }

    @Test
    void throttlingWithoutRetryAfterBacksOffExponentiallyThenGivesUp() {
        api.on("/fred/series/observations", json(429, "fred_error_429.json"));
        EconomicDataService service = service();

        assertThat(service.refresh(GDP)).isFalse();

        assertThat(api.requests()).hasSize(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(service.health().get(0).lastError()).isEqualTo("gave up after 3 attempt(s); last: HTTP 429 (throttled) "
                + "{\"error_code\":429,\"error_message\":\"Too Many Requests. Exceeded Rate Limit\"}");
    }

    @Test
    void aRetryAfterLongerThanTheMaximumBackoffEndsTheRefreshAtOnce() {
        api.on("/fred/series/observations", throttled("fred_error_429.json", "3600"));
        EconomicDataService service = service();

        assertThat(service.refresh(GDP)).isFalse();

        assertThat(api.requests()).hasSize(1);
        assertThat(service.health().get(0).lastError()).contains("server asked to retry after PT1H");
    }

    @Test
    void aRestartKeepsTheVintagesAndARefreshAddsNothingTwice() {
        api.on("/fred/series/observations", json(200, "fred_gdp_vintages.json"));
        EconomicDataService first = service();
        first.refresh(GDP);
        first.refresh(GDP);
        assertThat(first.releases(GDP)).hasSize(9);

        EconomicDataService restarted = service();

        assertThat(restarted.releases(GDP)).isEqualTo(first.releases(GDP));
        assertThat(value(restarted.asOf(GDP, newYork("2014-06-01T00:00:00")), Q1_2014)).isEqualTo(17101.3);
        assertThat(restarted.health().get(0).observations()).isEqualTo(9);
    }

    @Test
    void anUnknownSeriesIsNamed() {
        assertThatThrownBy(() -> service().asOf("fred:UNRATE", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fred:UNRATE");
    }
}
