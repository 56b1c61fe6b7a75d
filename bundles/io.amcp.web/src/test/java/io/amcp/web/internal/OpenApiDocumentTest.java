package io.amcp.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Money;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.web.ApiKeyStore;
import io.amcp.web.PlatformServices;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document describes every route the platform API registers, and no other. */
class OpenApiDocumentTest {

    @Test
    void everyApiV1RouteIsInTheDocumentAndEveryDocumentedOperationIsARoute() throws IOException {
        Set<String> routes = new TreeSet<>();
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            Kernel kernel = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("1000"), 1.0);
            try (PlatformApi api = new PlatformApi(kernel, new ApiKeyStore(1_000),
                    PlatformServices.builder("n").build(), new Sessions(1_000_000_000L))) {
                api.mount(router, c -> c.next());
            }
            for (Route r : router.getRoutes()) {
                if (r.getPath() == null || !r.getPath().startsWith("/api/v1/") || r.getPath().endsWith("*")
                        || r.methods() == null) {
                    continue;
                }
                for (HttpMethod m : r.methods()) {
                    routes.add(m.name().toLowerCase(Locale.ROOT) + " " + r.getPath().replaceAll(":(\\w+)", "{$1}"));
                }
            }
        } finally {
            vertx.close();
        }

        JsonObject doc = document();
        assertThat(doc.getString("openapi")).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                documented.add(method + " " + path);
                assertThat(paths.getJsonObject(path).getJsonObject(method).getString("summary")).as(method + " " + path)
                        .isNotBlank();
            }
        }
        assertThat(routes).hasSizeGreaterThan(25);
        assertThat(documented).isEqualTo(routes);
    }

    /** The backtest strategies are documented as what PlatformApi answers: name and parameters per strategy. */
    @Test
    void backtestStrategiesAreDocumentedWithTheirParameters() throws IOException {
        JsonObject doc = document();
        JsonObject schema = doc.getJsonObject("paths").getJsonObject("/api/v1/backtests/strategies").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema");
        assertThat(schema.getString("type")).isEqualTo("array");
        String ref = schema.getJsonObject("items").getString("$ref");
        JsonObject item = doc.getJsonObject("components").getJsonObject("schemas")
                .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(item.getJsonArray("required")).containsExactly("name", "parameters");
        assertThat(item.getJsonObject("properties").getJsonObject("parameters").getJsonObject("additionalProperties")
                .getString("type")).isEqualTo("string");
    }

    private static JsonObject document() throws IOException {
        try (InputStream in = PlatformApi.class.getResourceAsStream(PlatformApi.OPENAPI_RESOURCE)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
