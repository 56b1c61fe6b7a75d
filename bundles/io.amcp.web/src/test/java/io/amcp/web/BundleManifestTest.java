package io.amcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The OSGi manifest bnd wrote into target/classes: only io.amcp.web is exported, Vert.x is embedded
 * (no mandatory io.vertx import) and netty comes from the 4.2 bundles.
 */
class BundleManifestTest {

    @Test
    void exportsOnlyTheApiPackageAndEmbedsVertx() throws Exception {
        Path file = Path.of("target/classes/META-INF/MANIFEST.MF");
        Manifest manifest;
        try (InputStream in = Files.newInputStream(file)) {
            manifest = new Manifest(in);
        }
        String exports = manifest.getMainAttributes().getValue("Export-Package");
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        assertThat(exports).startsWith("io.amcp.web;").doesNotContain("io.vertx").doesNotContain("internal");
        for (String clause : imports.split(",(?=[a-z])")) {
            if (clause.startsWith("io.vertx")) {
                assertThat(clause).as(clause).contains("resolution:=optional");
            }
        }
        assertThat(imports).contains("io.netty.handler.codec.http;version=\"[4.2,5)\"");
        assertThat(Path.of("target/classes/io/vertx/core/Vertx.class")).exists();
        assertThat(Path.of("target/classes/io/vertx/ext/web/Router.class")).exists();
        assertThat(Path.of("target/classes/OSGI-INF/io.amcp.web.internal.AlpacaApiComponent.xml")).exists();
    }
}
