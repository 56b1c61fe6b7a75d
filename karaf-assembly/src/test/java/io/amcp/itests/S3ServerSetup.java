package io.amcp.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3 server for the container to talk to: s3proxy on a filesystem blob store, bound to 127.0.0.1
 * on a free port, checking AWS Signature V4. It runs in the test runner's JVM, outside the container (started
 * from {@link PlatformIT}'s configuration, which runs there), and stops when that JVM exits. Kept apart
 * from {@link PlatformIT} so the probe inside the container never loads s3proxy's classes.
 */
final class S3ServerSetup {

    /** The key pair the server accepts. */
    static final String ACCESS_KEY = "AKIAAMCPITEST";
    static final String SECRET_KEY = "amcp-itest-secret-0123456789";

    private static String endpoint;

    private S3ServerSetup() {
    }

    /** Starts the server once and returns its endpoint URL. */
    static synchronized String endpoint(Path blobs) {
        if (endpoint == null) {
            try {
                S3Proxy server = S3Proxy.builder()
                        .blobStore(new FilesystemNio2BlobStore(Files.createDirectories(blobs).toString()))
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY).build();
                server.start();
                while (!"STARTED".equals(server.getState())) {
                    Thread.onSpinWait();
                }
                endpoint = "http://127.0.0.1:" + server.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("s3proxy blob directory " + blobs + ": " + e.getMessage(), e);
            } catch (Exception e) {
                throw new IllegalStateException("s3proxy did not start: " + e, e);
            }
        }
        return endpoint;
    }
}
