package io.amcp.web;

import io.amcp.api.spi.PluginDeployer;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * Stands in for the platform's OSGi deployer (another bundle): reads the uploaded jar's manifest as
 * the framework would and "installs" it by symbolic name, reporting an update when the name is
 * already there.
 */
final class ManifestReadingDeployer implements PluginDeployer {

    final Map<String, String> installed = new LinkedHashMap<>();

    @Override
    public Deployment deploy(String location) {
        throw new IllegalArgumentException("location: only uploads are supported here");
    }

    @Override
    public synchronized Deployment deploy(String name, InputStream jar) throws IOException {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(jar)) {
            manifest = in.getManifest();
        }
        String symbolicName = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (symbolicName == null) {
            throw new IllegalArgumentException("location: " + name + " is not a bundle (no Bundle-SymbolicName)");
        }
        String version = manifest.getMainAttributes().getValue("Bundle-Version");
        String previous = installed.put(symbolicName, version);
        return new Deployment(installed.size(), symbolicName, version, previous);
    }

    /** A minimal bundle jar. */
    static byte[] bundle(String symbolicName, String version) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        m.getMainAttributes().putValue("Bundle-Version", version);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(out, m)) {
            jar.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            jar.write("sample".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
