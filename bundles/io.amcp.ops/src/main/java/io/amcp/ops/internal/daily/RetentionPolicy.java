package io.amcp.ops.internal.daily;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One retention rule: in {@code directory}, regular files whose name matches {@code glob} and that
 * were last modified more than {@code days} days ago are deleted. Written in configuration as
 * {@code directory|glob|days}, e.g. {@code data/reports|eod-*.html|90}.
 *
 * @param directory where
 * @param glob      file-name pattern ({@link java.nio.file.FileSystem#getPathMatcher} glob syntax)
 * @param days      age in days after which a file goes
 */
public record RetentionPolicy(Path directory, String glob, int days) {

    /** Live journals are never purged, whatever a pattern says. */
    static final List<String> PROTECTED = List.of("kernel.journal", "exchange.journal", "catalog.json");

    public RetentionPolicy {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("retention: glob must not be blank");
        }
        if (days < 1) {
            throw new IllegalArgumentException("retention: days must be at least 1, was " + days);
        }
    }

    /** Parses {@code directory|glob|days} rules separated by {@code ;}; the message names the rule at fault. */
    public static List<RetentionPolicy> parse(String rules) {
        List<RetentionPolicy> list = new ArrayList<>();
        for (String entry : rules.split(";")) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("\\|");
            if (parts.length != 3) {
                throw new IllegalArgumentException("retention: expected directory|glob|days, was '" + entry + "'");
            }
            int days;
            try {
                days = Integer.parseInt(parts[2].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("retention: days in '" + entry + "' is not a number", e);
            }
            list.add(new RetentionPolicy(Path.of(parts[0].trim()), parts[1].trim(), days));
        }
        return list;
    }
}
