package io.amcp.web.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the web console's single-page app and the chart library from this bundle's class path
 * (read through the bundle's own class loader, so it works the same inside OSGi and out). Only the
 * files listed here are served; anything else under {@code /console/} is 404.
 */
public final class ConsoleResources {

    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/" + "5.3.1" + "/dist/echarts.min.js";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "/io/amcp/web/console/index.html",
            "app.js", "/io/amcp/web/console/app.js",
            "app.css", "/io/amcp/web/console/app.css",
            "vendor/echarts.min.js", ECHARTS);

    private final Map<String, Buffer> cache = new ConcurrentHashMap<>();

    /** {@code GET /console/*}. */
    public void handle(RoutingContext c) {
        String path = c.normalizedPath().substring("/console".length());
        String name = path.isEmpty() || path.equals("/") ? "index.html" : path.substring(1);
        String resource = FILES.get(name);
        if (resource == null) {
            throw ApiError.notFound("no console file " + name);
        }
        Buffer body = cache.computeIfAbsent(resource, ConsoleResources::read);
        c.response().putHeader("content-type", contentType(name))
                .putHeader("cache-control", name.startsWith("vendor/") ? "max-age=86400" : "no-cache")
                .putHeader("x-content-type-options", "nosniff").end(body);
    }

    private static Buffer read(String resource) {
        try (InputStream in = ConsoleResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "application/javascript; charset=utf-8";
    }
}
