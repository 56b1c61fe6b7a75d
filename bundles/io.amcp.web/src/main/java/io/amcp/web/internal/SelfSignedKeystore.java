package io.amcp.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A PKCS#12 keystore holding a self-signed RSA-2048 certificate for {@code localhost} and
 * {@code 127.0.0.1} (valid 825 days, SHA256withRSA), generated with BouncyCastle's certificate
 * builder and the JDK's key generator and signer; made once and reused on later starts.
 */
public final class SelfSignedKeystore {

    /** Alias of the key entry. */
    public static final String ALIAS = "amcp-web";
    private static final Duration VALIDITY = Duration.ofDays(825);

    private SelfSignedKeystore() {
    }

    /**
     * Returns {@code file}, creating it (owner-readable only) with a new self-signed certificate when it
     * does not exist.
     *
     * @throws IllegalStateException when the keystore cannot be written or read
     */
    public static Path ensure(Path file, char[] password, String hostName) {
        if (Files.exists(file)) {
            return file;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + hostName + ",O=AMCP");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, hostName),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, new X509Certificate[] {certificate});
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions: nothing more to restrict
            }
            return file;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the self-signed TLS keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** The certificate stored in {@code file} (for clients that are to trust it). */
    public static X509Certificate certificate(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return (X509Certificate) store.getCertificate(ALIAS);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the TLS keystore " + file + ": " + e.getMessage(), e);
        }
    }
}
