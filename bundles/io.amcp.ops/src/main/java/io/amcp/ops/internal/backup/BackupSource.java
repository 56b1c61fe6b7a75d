package io.amcp.ops.internal.backup;

import java.nio.file.Path;

/**
 * One part of the platform's state: the files under {@code directory} whose name matches
 * {@code glob} (recursively when {@code recursive}), stored in a backup under {@code prefix/}.
 *
 * @param prefix    folder name inside the backup, e.g. {@code journal}
 * @param directory where the files live on this node
 * @param glob      file-name pattern
 * @param recursive whether subdirectories are included
 */
public record BackupSource(String prefix, Path directory, String glob, boolean recursive) {

    public BackupSource {
        if (prefix == null || !prefix.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("prefix: expected a lower-case folder name, was '" + prefix + "'");
        }
        if (directory == null) {
            throw new IllegalArgumentException("directory: missing for " + prefix);
        }
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("glob: must not be blank for " + prefix);
        }
    }

    /**
     * The platform's layout: kernel journal ({@code data/journal}), paper exchange journal
     * ({@code data/paper}), configuration ({@code etc/*.cfg}) and, when given, the data store's
     * {@code catalog.json}.
     */
    public static java.util.List<BackupSource> platform(Path karafData, Path karafEtc, Path catalogDirectory) {
        java.util.List<BackupSource> list = new java.util.ArrayList<>();
        list.add(new BackupSource("journal", karafData.resolve("journal"), "*", true));
        list.add(new BackupSource("paper", karafData.resolve("paper"), "*", true));
        list.add(new BackupSource("etc", karafEtc, "*.cfg", false));
        if (catalogDirectory != null) {
            list.add(new BackupSource("catalog", catalogDirectory, "catalog.json", false));
        }
        return list;
    }
}
