package io.amcp.cli;

import static io.amcp.cli.CliRun.amcp;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionCommandTest {

    private static double field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(-?[0-9.Ee+-]+)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void pricesHullsExampleAsJson() {
        // Hull Example 15.6: S=42, K=40, r=10%, sigma=20%, T=0.5: call 4.76
        CliRun r = amcp("option", "price", "--style", "european", "--type", "call", "--spot", "42", "--strike", "40", "--years", "0.5",
                "--vol", "0.2", "--rate", "0.1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(field(r.out(), "price")).isBetween(4.755, 4.765);
        for (String f : new String[] {"delta", "gamma", "vega", "theta", "rho"}) {
            field(r.out(), f);
        }
        // Hull 8th ed. Figure 21.3: 5-step American put S=50, K=50, r=10%, sigma=40%, T=5 months: 4.49
        CliRun put = amcp("option", "price", "--style", "american", "--type", "put", "--spot", "50", "--strike", "50", "--years",
                String.valueOf(5.0 / 12), "--vol", "0.4", "--rate", "0.1", "--steps", "5", "--json");
        assertThat(field(put.out(), "price")).isBetween(4.485, 4.495);
    }

    @Test
    void impliedVolatilityOfHullsPrice() {
        // 4.76 is Hull's rounded value at sigma = 20%
        CliRun r = amcp("option", "iv", "--price", "4.76", "--style", "european", "--type", "call", "--spot", "42", "--strike", "40",
                "--years", "0.5", "--rate", "0.1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(field(r.out(), "impliedVol")).isBetween(0.199, 0.201);
    }

    @Test
    void strategyAnalysisWritesTheDiagram(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("payoff.svg");
        CliRun r = amcp("option", "strategy", "--name", "iron-condor", "--strikes", "90,95,105,110", "--svg", svg.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        // an iron condor's loss is capped: max loss = width 5 - credit, and max profit = credit
        assertThat(field(r.out(), "maxLoss") + field(r.out(), "maxProfit")).isCloseTo(5.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Files.readString(svg)).startsWith("<svg");
        assertThat(amcp("option", "strategy").out()).contains("jade-lizard");
    }

    @Test
    void badArgumentsExitWithTwoAndNameTheArgument() {
        CliRun vol = amcp("option", "price", "--type", "call", "--spot", "42", "--strike", "40", "--years", "0.5", "--vol", "0",
                "--rate", "0.1");
        assertThat(vol.code()).isEqualTo(2);
        assertThat(vol.err().strip()).startsWith("amcp: --vol:").doesNotContain("\n");
        CliRun type = amcp("option", "price", "--type", "straddle", "--spot", "42", "--strike", "40", "--years", "0.5", "--vol", "0.2",
                "--rate", "0.1");
        assertThat(type.code()).isEqualTo(2);
        assertThat(type.err()).startsWith("amcp: --type: unknown type 'straddle'");
        CliRun price = amcp("option", "iv", "--price", "50", "--type", "call", "--spot", "42", "--strike", "40", "--years", "0.5",
                "--rate", "0.1");
        assertThat(price.code()).isEqualTo(2);
        assertThat(price.err()).startsWith("amcp: --price: 50.0 is outside the no-arbitrage bounds");
        CliRun spot = amcp("option", "price", "--type", "call", "--spot", "abc", "--strike", "40", "--years", "0.5", "--vol", "0.2",
                "--rate", "0.1");
        assertThat(spot.code()).isEqualTo(2);
        assertThat(spot.err()).contains("--spot");
        CliRun strikes = amcp("option", "strategy", "--name", "iron-condor", "--strikes", "90,95");
        assertThat(strikes.code()).isEqualTo(2);
        assertThat(strikes.err()).startsWith("amcp: --strikes: iron-condor needs 4 strikes");
    }
}
