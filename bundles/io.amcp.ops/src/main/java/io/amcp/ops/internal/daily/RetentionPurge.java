package io.amcp.ops.internal.daily;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Maintenance: deletes files older than their {@link RetentionPolicy} allows, judged by the
 * platform clock against each file's last-modified time. Only the directory itself is scanned (no
 * recursion) and the live journals and the data catalog are never deleted.
 */
public final class RetentionPurge {

    private final List<RetentionPolicy> policies;

    public RetentionPurge(List<RetentionPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public JobResult run(LocalDate date, Instant now) {
        List<String> findings = new ArrayList<>();
        boolean ok = true;
        for (RetentionPolicy p : policies) {
            if (!Files.isDirectory(p.directory())) {
                findings.add(p.directory() + ": no such directory, skipped");
                continue;
            }
            PathMatcher matcher = p.directory().getFileSystem().getPathMatcher("glob:" + p.glob());
            Instant cutoff = now.minus(Duration.ofDays(p.days()));
            int deleted = 0;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(p.directory())) {
                for (Path f : files) {
                    Path name = f.getFileName();
                    if (!Files.isRegularFile(f) || !matcher.matches(name)
                            || RetentionPolicy.PROTECTED.contains(name.toString())) {
                        continue;
                    }
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)) {
                        Files.delete(f);
                        deleted++;
                    }
                }
                findings.add(p.directory() + "/" + p.glob() + ": " + deleted + " file(s) older than " + p.days()
                        + " days deleted");
            } catch (IOException e) {
                ok = false;
                findings.add(0, p.directory() + ": purge failed: " + e);
            }
        }
        return new JobResult(DailyJob.MAINTENANCE, date, now, ok, findings);
    }
}
