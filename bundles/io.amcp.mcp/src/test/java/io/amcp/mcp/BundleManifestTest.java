package io.amcp.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The OSGi manifest bnd wrote: only io.amcp.mcp is exported, the JDK HTTP server is not imported
 * (Karaf reaches it through boot delegation) and the DS component is declared.
 */
class BundleManifestTest {

    @Test
    void exportsOnlyTheApiPackage() throws Exception {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        String exports = manifest.getMainAttributes().getValue("Export-Package");
        String imports = manifest.getMainAttributes().getValue("Import-Package");
        assertTrue(exports.startsWith("io.amcp.mcp;"), exports);
        assertFalse(exports.contains("internal"), exports);
        assertFalse(imports.contains("com.sun.net.httpserver"), imports);
        assertTrue(imports.contains("io.modelcontextprotocol.server;version=\"[2.1,3)\""), imports);
        assertTrue(Files.exists(Path.of("target/classes/OSGI-INF/io.amcp.mcp.internal.McpServerComponent.xml")));
    }
}
