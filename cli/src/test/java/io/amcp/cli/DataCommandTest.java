package io.amcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run amcp(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = AmcpCli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void ingestListVerifyQualityExport() throws Exception {
        String store = dir.resolve("data").toString();
        Run ingest = amcp("data", "ingest", "--dataset", "aapl-2013", "--store", store);
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("rows read 252, stored 252, quarantined 0");

        Run list = amcp("data", "list", "--store", store);
        assertThat(list.out()).contains("aapl-2013").contains("252");
        assertThat(amcp("data", "verify", "--store", store).out()).contains("1 files checked, 0 problems");
        assertThat(amcp("data", "quality", "--dataset", "aapl-2013", "--store", store).out()).contains("quality report: dataset aapl-2013");

        Path csv = dir.resolve("aapl.csv");
        Run export = amcp("data", "export", "--dataset", "aapl-2013", "--symbol", "AAPL", "--from", "2013-01-02", "--to", "2013-01-04",
                "--bar", "1d", "--format", "csv", "--out", csv.toString(), "--store", store);
        assertThat(export.code()).as(export.err()).isZero();
        // 2013-01-02, 03 and 04 were trading days
        assertThat(Files.readAllLines(csv)).hasSize(4).first().isEqualTo("symbol,time,open,high,low,close,volume");
    }

    @Test
    void badCsvInputIsQuarantinedAndBadArgumentsExitWithTwo() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "Date,Open,High,Low,Close,Volume\n2021-03-01,10,11,9,10,100\n2021-03-02,10,11,9,oops,100\n");
        Run ingest = amcp("data", "ingest", "--csv", csv.toString(), "--store", dir.resolve("data").toString());
        assertThat(ingest.code()).isZero();
        assertThat(ingest.out()).contains("bad.csv line 3 field 'close': not a decimal number: 'oops'");

        Path header = dir.resolve("header.csv");
        Files.writeString(header, "when,price\n1,2\n");
        Run bad = amcp("data", "ingest", "--csv", header.toString(), "--store", dir.resolve("data").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("amcp: header.csv line 1: unrecognised header").doesNotContain("\n");

        Run unknown = amcp("data", "quality", "--dataset", "nope", "--store", dir.resolve("data").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("amcp: dataset 'nope' is not in the store");
        assertThat(amcp("data", "export", "--dataset", "bad", "--symbol", "BAD", "--from", "2021-13-01", "--to", "2021-03-02",
                "--store", dir.resolve("data").toString()).err()).startsWith("amcp: --from: not a date");
    }

    @Test
    void benchRefusesADirectoryThatHoldsAnythingAndLeavesItsFilesAlone() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path mine = Files.writeString(work.resolve("notes.txt"), "not the bench's");
        Run refused = amcp("data", "bench", "--symbols", "1", "--years", "0.01", "--dir", work.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).startsWith("amcp: --dir: " + work + " is not empty");
        assertThat(mine).hasContent("not the bench's");
    }
}
