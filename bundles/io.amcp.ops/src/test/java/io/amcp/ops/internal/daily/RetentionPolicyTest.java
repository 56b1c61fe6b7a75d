package io.amcp.ops.internal.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    @Test
    void parsesRulesSeparatedBySemicolons() {
        assertThat(RetentionPolicy.parse("data/reports|eod-*.html|90; /backups | amcp-* | 30 ;"))
                .containsExactly(new RetentionPolicy(Path.of("data/reports"), "eod-*.html", 90),
                        new RetentionPolicy(Path.of("/backups"), "amcp-*", 30));
        assertThat(RetentionPolicy.parse("")).isEmpty();
    }

    @Test
    void badRulesAreNamed() {
        assertThatThrownBy(() -> RetentionPolicy.parse("data/reports|eod-*.html"))
                .hasMessageContaining("retention").hasMessageContaining("data/reports|eod-*.html");
        assertThatThrownBy(() -> RetentionPolicy.parse("d|*.html|ninety")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> RetentionPolicy.parse("d|*.html|0")).hasMessageContaining("at least 1");
    }
}
