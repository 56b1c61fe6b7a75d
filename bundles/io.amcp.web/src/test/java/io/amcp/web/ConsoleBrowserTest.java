package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.amcp.ai.models.registry.DataRange;
import io.amcp.ai.models.registry.ModelRegistry;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in a real browser (Playwright for Java driving the system Chromium, headless) against
 * a real kernel and paper exchange that traded replayed AAPL 2013 bars: log in, open all eleven tabs
 * and see their data, place and cancel an order from the ticket, run a backtest, toggle the kill
 * switch. A screenshot of each tab is saved under {@code target/screenshots}. Skipped when no
 * Chromium binary is installed ({@code amcp.chromium} overrides the path).
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("amcp.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void everyTabShowsDataAndTheOperatorCanTrade(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM
                + ": install the Debian package (apt-get install -y chromium) to run the browser tests");
        Path models = tmp.resolve("models");
        new ModelRegistry(models).register("aapl-direction", "gradient-boosting", new byte[] {1, 2, 3},
                Map.of("trees", "50"), DataRange.of("aapl-2013", "AAPL", 1_000_000_000L, 2_000_000_000L, 200),
                Map.of("accuracy", 0.55), List.of("ret1", "ret5"), "2024-01-02T00:00:00Z");
        Files.createDirectories(SCREENSHOTS);
        try (ConsoleNode node = new ConsoleNode(120, models);
                Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                BrowserContext browser = playwright.chromium().launchPersistentContext(tmp.resolve("profile"),
                        new BrowserType.LaunchPersistentContextOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu"))
                                .setViewportSize(1400, 900))) {
            // an open position to show: buy 25 AAPL, filled at the next replayed bar's open
            Http http = new Http(node.baseUrl);
            assertThat(http.post("/v2/orders", node.trader, new JsonObject().put("symbol", "AAPL").put("qty", "25")
                    .put("side", "buy").put("type", "market").put("time_in_force", "day").encode()).status()).isEqualTo(200);
            node.replay(120);

            Page page = browser.newPage();
            page.setDefaultTimeout(15_000);
            List<String> consoleErrors = new ArrayList<>();
            page.onPageError(e -> consoleErrors.add(e));
            page.navigate(node.baseUrl + "/");
            page.fill("#login-key", node.admin.keyId());
            page.fill("#login-secret", "wrong-secret");
            page.click("#login-submit");
            PlaywrightAssertions.assertThat(page.locator("#login-error")).containsText("not authorized");
            page.fill("#login-secret", node.admin.secret());
            page.click("#login-submit");
            PlaywrightAssertions.assertThat(page.locator("#whoami")).containsText("(admin)");
            PlaywrightAssertions.assertThat(page.locator("#login")).isHidden();
            PlaywrightAssertions.assertThat(page.locator("#live")).hasText("live");

            open(page, "dashboard");
            PlaywrightAssertions.assertThat(page.locator("#dash-kpis .kpi")).hasCount(8);
            PlaywrightAssertions.assertThat(page.locator("#dash-kpis")).containsText("Gross exposure");
            shot(page, "dashboard");

            open(page, "positions");
            Locator aapl = page.locator("#positions-table tr", new Page.LocatorOptions().setHasText("AAPL"));
            PlaywrightAssertions.assertThat(aapl).hasCount(1);
            shot(page, "positions");

            open(page, "orders");
            page.fill("#t-symbol", "AAPL");
            page.selectOption("#t-side", "buy");
            page.fill("#t-qty", "3");
            page.selectOption("#t-type", "limit");
            page.fill("#t-limit", "1.00");
            page.click("#t-submit");
            PlaywrightAssertions.assertThat(page.locator("#t-result")).containsText("submitted");
            String clientId = page.locator("#t-result").textContent().split(" ")[1];
            Locator row = page.locator("#orders-table tr", new Page.LocatorOptions().setHasText(clientId));
            PlaywrightAssertions.assertThat(row.locator("button.cancel")).hasCount(1);
            shot(page, "orders");
            row.locator("button.cancel").click();
            PlaywrightAssertions.assertThat(row).containsText("canceled");
            assertThat(node.kernel.orders().stream().filter(o -> o.clientOrderId().value().equals(clientId))
                    .findFirst().orElseThrow().status().name()).isEqualTo("CANCELED");

            open(page, "strategies");
            PlaywrightAssertions.assertThat(page.locator("#strategies-table tr",
                    new Page.LocatorOptions().setHasText(ConsoleNode.STRATEGY.value()))).containsText("RUNNING");
            page.click("#strategies-table button.sp[data-id=" + ConsoleNode.STRATEGY.value() + "]");
            page.fill("#params-panel input[data-k=fast]", "8");
            page.click("#params-save");
            PlaywrightAssertions.assertThat(page.locator("#tab-strategies")).hasAttribute("data-loaded", "true");
            page.waitForCondition(() -> Integer.valueOf(8).equals(node.parameters.get(ConsoleNode.STRATEGY.value()).get("fast")));
            page.setInputFiles("#deploy-file", new FilePayload("breakout-1.0.0.jar", "application/java-archive",
                    ManifestReadingDeployer.bundle("com.example.strategy.breakout", "1.0.0")));
            page.click("#deploy-form button");
            PlaywrightAssertions.assertThat(page.locator("#deploy-result")).hasText("com.example.strategy.breakout 1.0.0 installed");
            shot(page, "strategies");

            open(page, "backtests");
            page.selectOption("#bt-dataset", "aapl-2013");
            page.selectOption("#bt-strategy", "sma-cross");
            page.fill("#bt-params input[data-k=fast]", "10");
            page.fill("#bt-params input[data-k=slow]", "30");
            // each strategy shows its own parameter fields, the defaults written in its config annotation as
            // placeholders (MeanReversionConfig: allowShort true, bandPeriod 20, bandWidth 2.0, overbought 70,
            // oversold 30, quantity "10", rsiPeriod 14); sma-cross's typed values come back
            page.selectOption("#bt-strategy", "mean-reversion");
            Locator fields = page.locator("#bt-params input[data-k]");
            PlaywrightAssertions.assertThat(fields).hasCount(7);
            assertThat(fields.evaluateAll("inputs => inputs.map(i => i.dataset.k + '=' + i.placeholder + '|' + i.value)"))
                    .isEqualTo(List.of("allowShort=true|", "bandPeriod=20|", "bandWidth=2|", "overbought=70|",
                            "oversold=30|", "quantity=10|", "rsiPeriod=14|"));
            page.fill("#bt-params input[data-k=rsiPeriod]", "10");
            page.click("#bt-run");
            PlaywrightAssertions.assertThat(page.locator("#bt-jobs tr", new Page.LocatorOptions().setHasText("mean-reversion")))
                    .containsText("done");
            page.selectOption("#bt-strategy", "sma-cross");
            PlaywrightAssertions.assertThat(page.locator("#bt-params input[data-k=fast]")).hasValue("10");
            PlaywrightAssertions.assertThat(page.locator("#bt-params input[data-k=slow]")).hasValue("30");
            PlaywrightAssertions.assertThat(page.locator("#bt-params input[data-k=quantity]")).hasAttribute("placeholder", "10");
            page.click("#bt-run");
            PlaywrightAssertions.assertThat(page.locator("#bt-jobs tr", new Page.LocatorOptions().setHasText("sma-cross")))
                    .containsText("done");
            PlaywrightAssertions.assertThat(page.locator("#bt-stats .kpi")).hasCount(8);
            PlaywrightAssertions.assertThat(page.locator("#bt-equity canvas")).hasCount(1);
            shot(page, "backtests");

            open(page, "marketdata");
            PlaywrightAssertions.assertThat(page.locator("#md-chart")).hasAttribute("data-bars", "252");
            PlaywrightAssertions.assertThat(page.locator("#md-chart canvas")).hasCount(1);
            shot(page, "marketdata");

            open(page, "options");
            PlaywrightAssertions.assertThat(page.locator("#opt-chain tr")).hasCount(12);
            PlaywrightAssertions.assertThat(page.locator("#opt-stats")).containsText("Max loss");
            shot(page, "options");

            open(page, "risk");
            PlaywrightAssertions.assertThat(page.locator("#ks-state")).hasText("released");
            page.click("#ks-toggle");
            PlaywrightAssertions.assertThat(page.locator("#ks-state")).containsText("ENGAGED");
            assertThat(node.kernel.killSwitch().isEngaged()).isTrue();
            shot(page, "risk");
            page.click("#ks-toggle");
            PlaywrightAssertions.assertThat(page.locator("#ks-state")).hasText("released");
            assertThat(node.kernel.killSwitch().isEngaged()).isFalse();

            open(page, "ai");
            PlaywrightAssertions.assertThat(page.locator("#models-table")).containsText("aapl-direction");
            PlaywrightAssertions.assertThat(page.locator("#models-table")).containsText("accuracy=0.5500");
            shot(page, "ai");

            open(page, "system");
            PlaywrightAssertions.assertThat(page.locator("#bundles-table")).containsText("io.amcp.web");
            PlaywrightAssertions.assertThat(page.locator("#nodes-table")).containsText("node-test");
            shot(page, "system");

            open(page, "audit");
            PlaywrightAssertions.assertThat(page.locator("#audit-table")).containsText("kill-switch.on");
            PlaywrightAssertions.assertThat(page.locator("#audit-table")).containsText("login");
            shot(page, "audit");

            assertThat(consoleErrors).isEmpty();
        }
    }

    private static void open(Page page, String tab) {
        page.click("#tabs button[data-tab=" + tab + "]");
        PlaywrightAssertions.assertThat(page.locator("#tab-" + tab)).hasAttribute("data-loaded", "true");
        PlaywrightAssertions.assertThat(page.locator("#tab-" + tab)).hasClass(Pattern.compile(".*active.*"));
    }

    private static void shot(Page page, String tab) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(tab + ".png")).setFullPage(true));
    }
}
