package io.amcp.itests.seq;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs {@link SequenceStrategy} into one bundle per version, as a plugin author's builds would. */
public final class SequenceBundles {

    public static final String SYMBOLIC_NAME = "io.amcp.itests.seq";

    private SequenceBundles() {
    }

    /** The jar of {@code major}.0.0 in {@code dir}. */
    public static File jar(File dir, int major) {
        return new File(dir, "seq-" + major + ".0.0.jar");
    }

    /** Writes versions 1.0.0 to {@code versions}.0.0 into {@code dir}. */
    public static void write(File dir, int versions) throws IOException {
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create " + dir);
        }
        String entry = SequenceStrategy.class.getName().replace('.', '/') + ".class";
        byte[] classBytes;
        try (InputStream in = SequenceStrategy.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IOException("test class " + entry + " not found");
            }
            classBytes = in.readAllBytes();
        }
        for (int major = 1; major <= versions; major++) {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
            main.putValue("Bundle-Version", major + ".0.0");
            main.putValue("Bundle-Activator", SequenceStrategy.class.getName());
            main.putValue("Import-Package", "io.amcp.api.model,io.amcp.api.spi,org.osgi.framework");
            try (OutputStream file = new FileOutputStream(jar(dir, major));
                    JarOutputStream jar = new JarOutputStream(file, manifest)) {
                jar.putNextEntry(new JarEntry(entry));
                jar.write(classBytes);
                jar.closeEntry();
            }
        }
    }
}
