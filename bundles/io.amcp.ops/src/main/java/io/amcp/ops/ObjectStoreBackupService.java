package io.amcp.ops;

import io.amcp.ops.BackupService.BackupEntry;
import java.io.IOException;
import java.util.List;

/**
 * Backups kept in an S3-compatible bucket (MinIO, AWS S3): the same snapshot as
 * {@link BackupService#backup} (journals, configuration, data catalog) with its
 * {@value BackupService#MANIFEST} manifest, stored under {@code <prefix>/<name>/}. The manifest is
 * uploaded last, so a backup whose upload was interrupted is never listed or restored.
 */
public interface ObjectStoreBackupService {

    /** Where the backups go, e.g. {@code s3://amcp-backups/node-1 at http://127.0.0.1:9000}. */
    String location();

    /**
     * Takes a local snapshot and uploads it under {@code name}.
     *
     * @param name letters, digits, {@code .}, {@code _} and {@code -}, e.g. {@code amcp-2024-03-04}
     * @return the files uploaded, as listed in the manifest
     * @throws IllegalArgumentException naming {@code name} when it is invalid or already taken
     * @throws IOException              when the store refuses the request or cannot be reached
     */
    List<BackupEntry> backup(String name) throws IOException;

    /** The names of the complete backups in the bucket (those with a manifest), sorted. */
    List<String> list() throws IOException;

    /**
     * Downloads backup {@code name}, verifies every file against its manifest, then restores it like
     * {@link BackupService#restore}; nothing is written when a file is missing or corrupt.
     *
     * @throws BackupService.CorruptBackupException naming the first file that is missing or whose
     *                                              checksum does not match (the manifest itself when
     *                                              there is no backup of that name)
     */
    List<BackupEntry> restore(String name) throws IOException;
}
