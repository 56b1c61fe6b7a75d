package io.amcp.ai.models.registry;

import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JCA provider, put first while a test runs, whose SHA-256 is the JDK's own (provider SUN) but
 * records every digest it completes, so a test can count how often given bytes were hashed.
 */
public final class CountingSha256 extends MessageDigestSpi {

    private static final String PROVIDER = "AmcpCountingSha256";
    private static final List<String> DIGESTS = new CopyOnWriteArrayList<>();

    private final MessageDigest sha;

    public CountingSha256() throws NoSuchAlgorithmException, NoSuchProviderException {
        sha = MessageDigest.getInstance("SHA-256", "SUN");
    }

    /** Puts the provider first and forgets earlier digests. */
    static void install() {
        DIGESTS.clear();
        Provider p = new Provider(PROVIDER, "1.0", "SHA-256 that records its digests") {
        };
        p.put("MessageDigest.SHA-256", CountingSha256.class.getName());
        Security.insertProviderAt(p, 1);
    }

    static void uninstall() {
        Security.removeProvider(PROVIDER);
    }

    /** How many digests since {@link #install()} came out as {@code hex}. */
    static long count(String hex) {
        return DIGESTS.stream().filter(hex::equals).count();
    }

    @Override
    protected void engineUpdate(byte input) {
        sha.update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
        sha.update(input, offset, len);
    }

    @Override
    protected byte[] engineDigest() {
        byte[] d = sha.digest();
        DIGESTS.add(HexFormat.of().formatHex(d));
        return d;
    }

    @Override
    protected void engineReset() {
        sha.reset();
    }
}
