package io.amcp.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.spi.DataSourceHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSourcesCommandTest {

    private static DataSourceHealth source(String id, DataSourceHealth.FeedHealth... feeds) {
        return new DataSourceHealth() {
            @Override
            public String sourceId() {
                return id;
            }

            @Override
            public List<FeedHealth> feeds() {
                return List.of(feeds);
            }
        };
    }

    @Test
    void showsEverySourcesFeedsWithFreshnessAndTheFailingOnesError() {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        DataSourceHealth economic = source("economic",
                new DataSourceHealth.FeedHealth("fred:UNRATE", now.minusSeconds(90), null, "", 0),
                new DataSourceHealth.FeedHealth("ecb:EXR", now.minus(Duration.ofHours(5)),
                        now.minusSeconds(30), "HTTP 503", 2));
        DataSourceHealth news = source("news",
                new DataSourceHealth.FeedHealth("rss:sec", null, null, "", 0));

        List<List<String>> cells = Tables.cells(DataSourcesCommand.table(List.of(economic, news), now));

        assertThat(cells).containsExactly(
                List.of("Source", "Feed", "State", "Fresh", "Failures", "Last error"),
                List.of("economic", "fred:UNRATE", "ONLINE", "90s", "0", ""),
                List.of("economic", "ecb:EXR", "OFFLINE", "5h", "2", "HTTP 503"),
                List.of("news", "rss:sec", "ONLINE", "never", "0", ""));
    }

    @Test
    void agesAreCompact() {
        assertThat(DataSourcesCommand.age(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(DataSourcesCommand.age(Duration.ofMinutes(7))).isEqualTo("7m");
        assertThat(DataSourcesCommand.age(Duration.ofHours(47))).isEqualTo("47h");
        assertThat(DataSourcesCommand.age(Duration.ofDays(3))).isEqualTo("3d");
    }
}
