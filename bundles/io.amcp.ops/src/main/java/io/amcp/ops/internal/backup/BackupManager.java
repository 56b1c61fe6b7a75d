package io.amcp.ops.internal.backup;

import io.amcp.ops.BackupService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@link BackupService} over a list of {@link BackupSource}s.
 *
 * <p>Consistency: the journals are append-only, so the backup first records every file's length
 * (one cut across all files), then copies exactly that many bytes of each; appends made during the
 * copy are not included, and a record torn at the cut is dropped by the journal's own repair on
 * the next start. The copy goes into a sibling temporary folder renamed into place at the end, so
 * an interrupted backup never looks complete. The manifest {@value #MANIFEST} is in
 * {@code sha256sum} format ({@code <hex>  <path>} per line), so {@code sha256sum -c SHA256SUMS}
 * checks a backup without the platform.
 */
public final class BackupManager implements BackupService {

    private static final HexFormat HEX = HexFormat.of();

    private final List<BackupSource> sources;

    public BackupManager(List<BackupSource> sources) {
        this.sources = List.copyOf(sources);
        if (this.sources.stream().map(BackupSource::prefix).distinct().count() != this.sources.size()) {
            throw new IllegalArgumentException("sources: two sources share a prefix");
        }
    }

    @Override
    public List<BackupEntry> backup(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> s = Files.list(directory)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(directory + ": backup directory must be new or empty");
                }
            }
            Files.delete(directory);
        }
        Path parent = directory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Map<String, Path> files = new LinkedHashMap<>();
        for (BackupSource source : sources) {
            collect(source, files);
        }
        Map<String, Long> cut = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            cut.put(e.getKey(), Files.size(e.getValue()));
        }
        Path partial = Files.createTempDirectory(parent, "." + directory.getFileName() + ".partial-");
        List<BackupEntry> entries = new ArrayList<>();
        try {
            for (Map.Entry<String, Path> e : files.entrySet()) {
                Path target = partial.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                entries.add(copyPrefix(e.getValue(), target, cut.get(e.getKey()), e.getKey()));
            }
            StringBuilder manifest = new StringBuilder();
            for (BackupEntry entry : entries) {
                manifest.append(entry.sha256()).append("  ").append(entry.path()).append('\n');
            }
            Files.writeString(partial.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
            Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
        return entries;
    }

    private static void collect(BackupSource source, Map<String, Path> files) throws IOException {
        if (!Files.isDirectory(source.directory())) {
            return;
        }
        PathMatcher matcher = source.directory().getFileSystem().getPathMatcher("glob:" + source.glob());
        List<Path> found;
        try (Stream<Path> s = source.recursive() ? Files.walk(source.directory(), FileVisitOption.values())
                : Files.list(source.directory())) {
            found = s.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName()))
                    .sorted(Comparator.naturalOrder()).toList();
        }
        for (Path p : found) {
            String rel = source.directory().relativize(p).toString().replace('\\', '/');
            files.put(source.prefix() + "/" + rel, p);
        }
    }

    private static BackupEntry copyPrefix(Path from, Path to, long length, String name) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            byte[] buf = new byte[65536];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException(from + ": shrank while being backed up");
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
                left -= n;
            }
        }
        return new BackupEntry(name, length, HEX.formatHex(sha.digest()));
    }

    @Override
    public List<BackupEntry> restore(Path directory) throws IOException {
        List<BackupEntry> entries = verify(directory);
        Map<String, BackupSource> byPrefix = new LinkedHashMap<>();
        sources.forEach(s -> byPrefix.put(s.prefix(), s));
        for (BackupEntry e : entries) {
            if (!byPrefix.containsKey(prefixOf(e.path()))) {
                throw new CorruptBackupException(e.path(), "no state location is configured for '" + prefixOf(e.path())
                        + "' on this node");
            }
        }
        for (BackupEntry e : entries) {
            BackupSource source = byPrefix.get(prefixOf(e.path()));
            Path target = source.directory().resolve(e.path().substring(source.prefix().length() + 1)).normalize();
            if (!target.startsWith(source.directory().normalize())) {
                throw new CorruptBackupException(e.path(), "resolves outside " + source.directory());
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".restore");
            Files.copy(directory.resolve(e.path()), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return entries;
    }

    /**
     * Reads the manifest and checks every file's size and SHA-256.
     *
     * @throws CorruptBackupException naming the first file that is missing or does not match
     */
    public List<BackupEntry> verify(Path directory) throws IOException {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new CorruptBackupException(MANIFEST, "missing: " + directory + " is not a backup");
        }
        List<BackupEntry> entries = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < 67 || !line.substring(64, 66).equals("  ")) {
                throw new CorruptBackupException(MANIFEST, "line " + lineNo + " is not '<sha256>  <path>'");
            }
            String path = line.substring(66);
            String expected = line.substring(0, 64);
            Path file = directory.resolve(path).normalize();
            if (!file.startsWith(directory.normalize()) || !Files.isRegularFile(file)) {
                throw new CorruptBackupException(path, "listed in the manifest but missing from the backup");
            }
            String actual = sha256(file);
            if (!actual.equals(expected)) {
                throw new CorruptBackupException(path, "checksum mismatch: manifest " + expected + ", file " + actual);
            }
            try {
                entries.add(new BackupEntry(path, Files.size(file), expected));
            } catch (IllegalArgumentException e) {
                throw new CorruptBackupException(path, e.getMessage());
            }
        }
        return entries;
    }

    private static String prefixOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HEX.formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
