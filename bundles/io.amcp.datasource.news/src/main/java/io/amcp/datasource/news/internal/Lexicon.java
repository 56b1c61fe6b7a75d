package io.amcp.datasource.news.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The positive and negative word lists of the Loughran-McDonald finance sentiment dictionary
 * (Loughran and McDonald, "When Is a Liability Not a Liability?", Journal of Finance 66(1), 2011;
 * https://sraf.nd.edu/loughranmcdonald-master-dictionary/).
 *
 * <p>The bundle ships only a documented subset ({@code /lexicon/lm-positive.txt} and
 * {@code /lexicon/lm-negative.txt}), because the full dictionary cannot be fetched at build time here.
 * To use the full lists, download the master dictionary CSV from the address above and set
 * {@code lexiconFile} of PID {@code io.amcp.datasource.news} to its path: {@link #masterDictionary}
 * reads its {@code Word}, {@code Positive} and {@code Negative} columns (a word belongs to a category
 * when that column holds a positive year, the year it was added; a negative year means it was removed).
 *
 * @param positive upper-case positive words
 * @param negative upper-case negative words
 */
record Lexicon(Set<String> positive, Set<String> negative) {

    Lexicon {
        positive = Set.copyOf(positive);
        negative = Set.copyOf(negative);
    }

    /** The subset bundled as resources. */
    static Lexicon bundled() {
        return new Lexicon(resource("/lexicon/lm-positive.txt"), resource("/lexicon/lm-negative.txt"));
    }

    private static Set<String> resource(String name) {
        try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled lexicon " + name + " is missing from the bundle");
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(word -> words.add(word.toUpperCase(Locale.ROOT)));
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the Loughran-McDonald master dictionary CSV.
     *
     * @throws IllegalArgumentException naming the file, and the column or line at fault
     */
    static Lexicon masterDictionary(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("lexiconFile: cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lexiconFile: " + csv + " is empty");
        }
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
        int word = column(header, "Word", csv);
        int positive = column(header, "Positive", csv);
        int negative = column(header, "Negative", csv);
        Set<String> pos = new HashSet<>();
        Set<String> neg = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length < header.size()) {
                throw new IllegalArgumentException("lexiconFile: " + csv + " line " + (i + 1) + " has " + cells.length
                        + " columns, the header " + header.size());
            }
            String w = cells[word].strip().toUpperCase(Locale.ROOT);
            if (added(cells[positive], csv, i, "Positive")) {
                pos.add(w);
            }
            if (added(cells[negative], csv, i, "Negative")) {
                neg.add(w);
            }
        }
        return new Lexicon(pos, neg);
    }

    private static int column(List<String> header, String name, Path csv) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("lexiconFile: " + csv + " has no column '" + name
                + "' (expected the Loughran-McDonald master dictionary header)");
    }

    private static boolean added(String cell, Path csv, int line, String column) {
        try {
            return Double.parseDouble(cell.strip()) > 0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lexiconFile: " + csv + " line " + (line + 1) + " column " + column
                    + ": expected a year or 0, was '" + cell + "'", e);
        }
    }
}
