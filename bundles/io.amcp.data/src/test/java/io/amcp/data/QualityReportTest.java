package io.amcp.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityReportTest {

    @TempDir
    Path dir;

    @Test
    void writtenUnderThePrefixAndIngestIdIntoANewDirectory() throws Exception {
        QualityReport report = new QualityReport("live", "20240102T143000-0a1b2c3d", 3, 2, 1,
                Map.of(QualityRule.DUPLICATE_TIMESTAMP, 1L), 0, 0, List.of(), "live/quarantine/20240102T143000-0a1b2c3d.csv");
        Path file = report.writeTo(dir.resolve("reports"), "live-");
        assertThat(file).isEqualTo(dir.resolve("reports/live-20240102T143000-0a1b2c3d.quality.txt"));
        assertThat(Files.readString(file)).startsWith("quality report: dataset live, ingest 20240102T143000-0a1b2c3d\n"
                + "rows read 3, stored 2, quarantined 1\n");
    }
}
