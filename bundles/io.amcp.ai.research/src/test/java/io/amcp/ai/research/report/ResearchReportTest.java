package io.amcp.ai.research.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResearchReportTest {

    @Test
    void aMissedBaselineIsSaidInPlainWordsInTheHtmlAndTheJson(@TempDir Path dir) throws Exception {
        ResearchReport r = ResearchReport.of("demo", "A <demo>", "method \"quoted\"", "buy and hold", false, "0.1 vs 0.2")
                .figure("sharpe", 0.1).figure("curve", new double[] {1, Double.NaN}).figure("name", "x\ny")
                .chart("growth").line("a", new double[] {1, 2, 3});
        r.write(dir);
        String html = Files.readString(dir.resolve("demo.html"));
        assertThat(html).contains("Did not beat the baseline (buy and hold): 0.1 vs 0.2", "A &lt;demo&gt;", "<svg",
                "<polyline");
        Map<String, String> scalars = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(dir.resolve("demo.json").toFile())) {
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                } else if (t.isScalarValue() && field != null) {
                    scalars.putIfAbsent(field, p.getText());
                }
            }
        }
        assertThat(scalars).containsEntry("beatBaseline", "false").containsEntry("method", "method \"quoted\"")
                .containsEntry("name", "x\ny").containsEntry("sharpe", "0.1");
        assertThat(scalars.get("verdict")).startsWith("Did not beat the baseline");
        assertThatThrownBy(() -> ResearchReport.of("Bad Id", "t", "m", "b", true, "d")).hasMessageContaining("id:");
    }
}
