package io.amcp.core.internal;

import io.amcp.api.spi.PluginDeployer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PluginDeployer} on the OSGi framework: reads the jar once, looks up its symbolic name and
 * either updates the installed bundle of that name (the strategy runner then swaps its strategies
 * in place) or installs and starts a new one.
 */
@Component(service = PluginDeployer.class)
public final class BundleDeployer implements PluginDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(BundleDeployer.class);
    private static final int MAX_BUNDLE_BYTES = 256 << 20;

    private final BundleContext context;

    @Activate
    public BundleDeployer(BundleContext context) {
        this.context = context;
    }

    @Override
    public Deployment deploy(String location) throws IOException {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("location: required (mvn:group/artifact/version or file:/path/to.jar)");
        }
        byte[] jar;
        try (InputStream in = new URI(location.trim()).toURL().openStream()) {
            jar = readBounded(in, location);
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("location: '" + location + "' is not a URL the platform can open ("
                    + e.getMessage() + ")", e);
        }
        return install(location.trim(), jar);
    }

    @Override
    public Deployment deploy(String name, InputStream jar) throws IOException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: required");
        }
        return install("amcp-upload:" + name, readBounded(jar, name));
    }

    private Deployment install(String location, byte[] jar) throws IOException {
        String symbolicName = symbolicName(jar, location);
        Bundle existing = null;
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                existing = b;
                break;
            }
        }
        try {
            if (existing != null) {
                String previous = existing.getVersion().toString();
                existing.update(new ByteArrayInputStream(jar));
                LOG.info("updated bundle {} {} -> {} from {}", symbolicName, previous, existing.getVersion(), location);
                return new Deployment(existing.getBundleId(), symbolicName, existing.getVersion().toString(), previous);
            }
            Bundle installed = context.installBundle(location, new ByteArrayInputStream(jar));
            installed.start();
            LOG.info("installed bundle {} {} from {}", symbolicName, installed.getVersion(), location);
            return new Deployment(installed.getBundleId(), symbolicName, installed.getVersion().toString(), null);
        } catch (BundleException e) {
            throw new IllegalArgumentException("location: '" + location + "' could not be deployed: " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BUNDLE_BYTES + 1);
        if (bytes.length > MAX_BUNDLE_BYTES) {
            throw new IllegalArgumentException("location: '" + what + "' is larger than " + (MAX_BUNDLE_BYTES >> 20) + " MB");
        }
        return bytes;
    }

    private static String symbolicName(byte[] jar, String location) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("location: '" + location + "' is not an OSGi bundle (no Bundle-SymbolicName in its manifest)");
            }
            int semicolon = name.indexOf(';');
            return (semicolon < 0 ? name : name.substring(0, semicolon)).trim();
        }
    }
}
