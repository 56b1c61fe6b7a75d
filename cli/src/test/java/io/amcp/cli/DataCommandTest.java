package io.amcp.cli;

import static io.amcp.cli.CliRun.amcp;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

    @TempDir
    Path dir;

    @Test
    void ingestListVerifyQualityExport() throws Exception {
        String store = dir.resolve("data").toString();
        CliRun ingest = amcp("data", "ingest", "--dataset", "aapl-2013", "--store", store);
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("rows read 252, stored 252, quarantined 0");

        CliRun list = amcp("data", "list", "--store", store);
        assertThat(list.out()).contains("aapl-2013").contains("252");
        assertThat(amcp("data", "verify", "--store", store).out()).contains("1 files checked, 0 problems");
        assertThat(amcp("data", "quality", "--dataset", "aapl-2013", "--store", store).out()).contains("quality report: dataset aapl-2013");

        Path csv = dir.resolve("aapl.csv");
        CliRun export = amcp("data", "export", "--dataset", "aapl-2013", "--symbol", "AAPL", "--from", "2013-01-02", "--to", "2013-01-04",
                "--bar", "1d", "--format", "csv", "--out", csv.toString(), "--store", store);
        assertThat(export.code()).as(export.err()).isZero();
        // 2013-01-02, 03 and 04 were trading days
        assertThat(Files.readAllLines(csv)).hasSize(4).first().isEqualTo("symbol,time,open,high,low,close,volume");
        // the bundled CSV's first session: 2013-01-02,553.82,555.00,541.63,549.03,20018500, ending 16:00 EST = 21:00 UTC
        assertThat(Files.readAllLines(csv).get(1)).isEqualTo("AAPL,2013-01-02T21:00:00Z,553.82,555,541.63,549.03,20018500");
    }

    @Test
    void badCsvInputIsQuarantinedAndBadArgumentsExitWithTwo() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "Date,Open,High,Low,Close,Volume\n2021-03-01,10,11,9,10,100\n2021-03-02,10,11,9,oops,100\n");
        CliRun ingest = amcp("data", "ingest", "--csv", csv.toString(), "--store", dir.resolve("data").toString());
        assertThat(ingest.code()).isZero();
        assertThat(ingest.out()).contains("bad.csv line 3 field 'close': not a decimal number: 'oops'");

        Path header = dir.resolve("header.csv");
        Files.writeString(header, "when,price\n1,2\n");
        CliRun bad = amcp("data", "ingest", "--csv", header.toString(), "--store", dir.resolve("data").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("amcp: header.csv line 1: unrecognised header").doesNotContain("\n");

        CliRun unknown = amcp("data", "quality", "--dataset", "nope", "--store", dir.resolve("data").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("amcp: dataset 'nope' is not in the store");
        assertThat(amcp("data", "export", "--dataset", "bad", "--symbol", "BAD", "--from", "2021-13-01", "--to", "2021-03-02",
                "--store", dir.resolve("data").toString()).err()).startsWith("amcp: --from: not a date");
    }

    @Test
    void benchRefusesADirectoryThatHoldsAnythingAndLeavesItsFilesAlone() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path mine = Files.writeString(work.resolve("notes.txt"), "not the bench's");
        CliRun refused = amcp("data", "bench", "--symbols", "1", "--years", "0.01", "--dir", work.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("amcp: --dir: " + work + " is not empty");
        assertThat(mine).hasContent("not the bench's");
    }
}
