package io.amcp.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Consistent snapshots of the platform's state (kernel and paper exchange journals, configuration,
 * data catalog) into a directory with a SHA-256 manifest, and restores that verify every checksum
 * before writing anything.
 */
public interface BackupService {

    /** The manifest's file name inside a backup directory ({@code sha256sum -c} reads it). */
    String MANIFEST = "SHA256SUMS";

    /**
     * Writes a backup into {@code directory}, which must not exist yet or be empty.
     *
     * @return the files written, as listed in the manifest
     */
    List<BackupEntry> backup(Path directory) throws IOException;

    /**
     * Verifies every checksum of the backup in {@code directory}, then copies its files into the
     * platform's state locations. Nothing is written when any file is missing or corrupt.
     *
     * @return the files restored
     * @throws CorruptBackupException naming the first file whose checksum does not match or is missing
     */
    List<BackupEntry> restore(Path directory) throws IOException;

    /**
     * One file of a backup.
     *
     * @param path   path inside the backup, with {@code /} separators, e.g. {@code data/journal/kernel.journal}
     * @param size   bytes
     * @param sha256 lower-case hex SHA-256 of the content
     */
    record BackupEntry(String path, long size, String sha256) {
        public BackupEntry {
            if (path == null || path.isBlank() || path.startsWith("/") || path.contains("..")) {
                throw new IllegalArgumentException("path: must be a relative path inside the backup, was '" + path + "'");
            }
            if (size < 0) {
                throw new IllegalArgumentException("size: must not be negative, was " + size);
            }
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256: expected 64 lower-case hex digits, was '" + sha256 + "'");
            }
        }
    }

    /** A backup that fails verification; {@link #file()} names the file at fault. */
    final class CorruptBackupException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String file;

        public CorruptBackupException(String file, String message) {
            super(file + ": " + message);
            this.file = file;
        }

        /** The file at fault, as named in the manifest. */
        public String file() {
            return file;
        }
    }
}
