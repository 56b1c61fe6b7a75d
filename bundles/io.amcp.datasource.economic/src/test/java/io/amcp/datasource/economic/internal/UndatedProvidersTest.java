package io.amcp.datasource.economic.internal;

import static io.amcp.datasource.economic.internal.RecordedApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.altdata.MacroObservation;
import io.amcp.datasource.economic.internal.Fixtures.MutableClock;
import io.amcp.datasource.economic.internal.Fixtures.RecordingSleeper;
import io.amcp.datasource.economic.internal.RecordedApi.Answer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ECB and World Bank series: derived release dates and revisions seen between downloads. */
class UndatedProvidersTest {

    static final String EXR = "ecb:EXR/D.USD.EUR.SP00.A";
    static final String GDP = "worldbank:USA/NY.GDP.MKTP.CD";

    @TempDir
    Path store;
    final RecordedApi api = new RecordedApi();
    final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T00:00:00Z"));
    final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void close() {
        api.close();
    }

    EconomicDataService service(String series) {
        return Fixtures.service(Fixtures.settings(api, store, series), null, Map.of(), clock, sleeper);
    }

    @Test
    void ecbDailyRatesCountAsReleasedAtTheEndOfTheirDayPlusTheLag() {
        api.on("/service/data/EXR/D.USD.EUR.SP00.A?format=csvdata",
                new Answer(200, "ecb_exr_usd_eur_daily.csv", "text/csv", Map.of()));
        EconomicDataService service = service(EXR + ";lag=0");

        assertThat(service.refresh(EXR)).isTrue();

        // ECB reference rates, USD per EUR: 2 Jan 2024 1.0956 ... 5 Jan 2024 1.0921; lag 0: known from midnight UTC after the day
        assertThat(service.asOf(EXR, Instant.parse("2024-01-02T23:59:59Z"))).isEmpty();
        assertThat(service.asOf(EXR, Instant.parse("2024-01-03T00:00:00Z"))).extracting(MacroObservation::value)
                .containsExactly(1.0956);
        assertThat(service.asOf(EXR, Instant.parse("2024-01-06T00:00:00Z"))).extracting(MacroObservation::value)
                .containsExactly(1.0956, 1.0919, 1.0953, 1.0921);
    }

    @Test
    void theDefaultEcbLagOf45DaysDelaysTheRelease() {
        api.on("/service/data/EXR/", new Answer(200, "ecb_exr_usd_eur_daily.csv", "text/csv", Map.of()));
        EconomicDataService service = service(EXR);

        service.refresh(EXR);

        // 2024-01-02 + 45 days = 2024-02-16; released at the end of that day
        assertThat(service.asOf(EXR, Instant.parse("2024-02-16T23:59:59Z"))).isEmpty();
        assertThat(service.asOf(EXR, Instant.parse("2024-02-17T00:00:00Z"))).extracting(MacroObservation::period)
                .containsExactly(LocalDate.of(2024, 1, 2));
    }

    @Test
    void anUnknownEcbKeyReportsTheEcbAnswer() {
        api.on("/service/data/EXR/", new Answer(404, "ecb_error_404.txt", "text/plain", Map.of()));
        EconomicDataService service = service(EXR);

        assertThat(service.refresh(EXR)).isFalse();
        assertThat(service.health().get(0).lastError()).isEqualTo("ECB answered HTTP 404: No results found.");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void aWorldBankRevisionIsSeenOnlyFromTheDownloadThatBroughtIt() {
        api.on("page=1", json(200, "worldbank_usa_gdp_2023vintage.json"), json(200, "worldbank_usa_gdp_2024vintage_page1.json"))
                .on("page=2", json(200, "worldbank_usa_gdp_2024vintage_page2.json"));
        EconomicDataService service = service(GDP);

        clock.set(Instant.parse("2023-08-01T00:00:00Z"));
        assertThat(service.refresh(GDP)).isTrue();
        // annual 2022 ends 2022-12-31; + 200 days = 2023-07-19, released at the end of that day
        assertThat(service.asOf(GDP, Instant.parse("2023-07-19T23:59:59Z"))).extracting(MacroObservation::period)
                .containsExactly(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
        assertThat(service.latest(GDP, Instant.parse("2023-07-20T00:00:00Z"))).get()
                .extracting(MacroObservation::value).isEqualTo(25_462_700_000_000.0);

        clock.set(Instant.parse("2024-07-10T06:00:00Z"));
        assertThat(service.refresh(GDP)).isTrue();

        // before the second download: the BEA figures before the 2023 comprehensive revision
        assertThat(service.asOf(GDP, Instant.parse("2024-07-10T05:59:59Z"))).extracting(MacroObservation::value)
                .containsExactly(20_893_743_833_000.0, 23_315_080_560_000.0, 25_462_700_000_000.0);
        // from the download on: revised 2021 and 2022, first 2023 (its derived 2024-07-19 is later than the download),
        // and 2020 unchanged because the new answer has no value for it
        assertThat(service.asOf(GDP, Instant.parse("2024-07-10T06:00:00Z"))).extracting(MacroObservation::value)
                .containsExactly(20_893_743_833_000.0, 23_594_031_000_000.0, 25_744_108_000_000.0, 27_360_935_000_000.0);
        assertThat(service.releases(GDP)).hasSize(6);
        assertThat(api.requests()).extracting(u -> u.getQuery()).containsExactly(
                "format=json&per_page=1000&page=1", "format=json&per_page=1000&page=1", "format=json&per_page=1000&page=2");
        assertThat(api.requests().get(0).getPath()).isEqualTo("/v2/country/USA/indicator/NY.GDP.MKTP.CD");
    }

    @Test
    void aWorldBankErrorMessageIsReported() {
        api.on("/v2/country/", json(200, "worldbank_error_invalid_value.json"));
        EconomicDataService service = service(GDP);

        assertThat(service.refresh(GDP)).isFalse();
        assertThat(service.health().get(0).lastError())
                .isEqualTo("World Bank error: 120 Invalid value: The provided parameter value is not valid");
    }

    @Test
    void oneFailingSeriesDoesNotStopTheOthers() {
        api.on("/v2/country/", json(200, "worldbank_error_invalid_value.json"))
                .on("/service/data/EXR/", new Answer(200, "ecb_exr_usd_eur_daily.csv", "text/csv", Map.of()));
        EconomicDataService service = Fixtures.service(Fixtures.settings(api, store, GDP, EXR), null, Map.of(), clock, sleeper);

        service.refreshAll();

        assertThat(service.health().get(0).consecutiveFailures()).isEqualTo(1);
        assertThat(service.health().get(1).consecutiveFailures()).isZero();
        assertThat(service.health().get(1).observations()).isEqualTo(4);
        assertThat(service.status().reason()).startsWith(GDP + ": 1 failed refresh(es)").doesNotContain(EXR);
    }
}
