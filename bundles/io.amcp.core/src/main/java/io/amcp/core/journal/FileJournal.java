package io.amcp.core.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A journal in one append-only text file ({@link JournalCodec} lines). Each append is flushed to
 * the operating system before it returns, which survives a killed process; with {@code fsync} it
 * is also forced to disk, which survives a power loss at a large cost in latency.
 *
 * <p>On open, a torn last line (a process killed mid-write) is cut off the file and reported; a
 * corrupt line anywhere else stops the open with its line number, and nothing is changed.
 */
public final class FileJournal implements Journal {

    private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);

    private final Path file;
    private final boolean fsync;
    private final List<Object> recovered;
    private final Path compacting;
    private final Rename rename;
    private FileChannel channel;
    private Writer writer;
    private final String repairNote;

    public FileJournal(Path file, boolean fsync) {
        this(file, fsync, FileJournal::replaceAtomically);
    }

    /** With {@code rename} standing in for the atomic rename of a compaction (tests make it fail). */
    FileJournal(Path file, boolean fsync, Rename rename) {
        this.file = file;
        this.fsync = fsync;
        this.rename = rename;
        this.compacting = file.resolveSibling(file.getFileName() + ".compacting");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String note = null;
            if (Files.deleteIfExists(compacting)) {
                // a compaction died before its rename: the journal itself is untouched and complete
                note = "journal " + file + ": removed " + compacting.getFileName()
                        + " left by a compaction that did not finish; the journal was not changed";
            }
            Parsed parsed = parse(file);
            if (parsed.tornLine() != null) {
                note = (note == null ? "" : note + "; ") + "journal " + file + ": dropped " + parsed.tornLine();
            }
            this.recovered = parsed.entries();
            this.repairNote = note;
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(parsed.goodBytes());
            channel.position(parsed.goodBytes());
            this.writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
    }

    /** The rename step of a compaction: the compacted file over the journal. */
    @FunctionalInterface
    interface Rename {
        void over(Path compacted, Path journal) throws IOException;
    }

    private static void replaceAtomically(Path compacted, Path journal) throws IOException {
        Files.move(compacted, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A journal file read back: its entries, the length of its complete lines, and the torn last line
     * dropped (null if none).
     */
    private record Parsed(List<Object> entries, long goodBytes, String tornLine) {
    }

    /**
     * Reads a journal file (none: empty). A last line without its end of line, or that does not decode,
     * was torn by a killed process and is dropped; a corrupt line anywhere else stops the read.
     */
    private static Parsed parse(Path file) throws IOException {
        List<Object> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Parsed(entries, 0, null);
        }
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        }
        byte[] all = Files.readAllBytes(file);
        boolean endsWithNewline = all.length == 0 || all[all.length - 1] == '\n';
        long goodBytes = 0;
        String torn = null;
        for (int i = 0; i < lines.size(); i++) {
            boolean last = i == lines.size() - 1;
            try {
                if (last && !endsWithNewline) {
                    throw new IllegalArgumentException("no end of line (torn write)");
                }
                entries.add(JournalCodec.decode(lines.get(i)));
                goodBytes += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
            } catch (RuntimeException e) {
                if (!last) {
                    throw new IllegalStateException("journal " + file + " line " + (i + 1) + " is corrupt: "
                            + e.getMessage() + "; refusing to start rather than lose state", e);
                }
                torn = "torn last line " + (i + 1) + " (" + e.getMessage() + ")";
            }
        }
        return new Parsed(entries, goodBytes, torn);
    }

    /** What was repaired on open (a torn last line), or null. */
    public String repairNote() {
        return repairNote;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void append(Object entry) {
        String line = JournalCodec.encode(entry);
        try {
            writer.write(line);
            writer.write('\n');
            writer.flush();
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": append failed", e);
        }
    }

    @Override
    public void replay(Consumer<Object> consumer) {
        recovered.forEach(consumer);
    }

    @Override
    public synchronized List<Object> entries() {
        try {
            writer.flush();
            return parse(file).entries();
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": cannot read it back", e);
        }
    }

    /**
     * Compaction in three steps, each safe to die in: the new entries are written to a temporary file
     * beside the journal and forced to disk; it is renamed over the journal (atomic on one file
     * system); the directory is forced so that the rename survives a power loss. Appending then goes
     * on in the new file. A temporary file left by a crash before the rename is removed on open.
     */
    @Override
    public synchronized void rewrite(List<Object> entries) {
        String step = "flushing the journal";
        try {
            writer.flush();
            step = "writing the compacted entries to " + compacting.getFileName();
            writeCompacted(entries);
            step = "renaming " + compacting.getFileName() + " over " + file.getFileName();
            rename.over(compacting, file);
        } catch (IOException e) {
            discardCompacted();
            throw new UncheckedIOException("journal " + file + ": compaction failed " + step + " (" + e
                    + "); the journal is unchanged and appends go on in it", e);
        }
        forceDirectory();
        // the new file is opened before the old one is let go: appending never finds the journal closed
        FileChannel reopened;
        try {
            reopened = FileChannel.open(file, StandardOpenOption.WRITE);
            reopened.position(reopened.size());
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": compacted, but reopening it for appends failed ("
                    + e + ")", e);
        }
        Writer previous = writer;
        channel = reopened;
        writer = Channels.newWriter(reopened, StandardCharsets.UTF_8);
        try {
            previous.close();
        } catch (IOException e) {
            LOG.warn("journal {}: closing the file replaced by the compaction failed: {}", file, e.toString());
        }
    }

    /** Removes the temporary file of a compaction that failed before its rename. */
    private void discardCompacted() {
        try {
            Files.deleteIfExists(compacting);
        } catch (IOException e) {
            LOG.warn("journal {}: cannot remove {} (it is removed on the next open): {}", file,
                    compacting.getFileName(), e.toString());
        }
    }

    /** Step one of {@link #rewrite}: the compacted entries in the temporary file, forced to disk. */
    void writeCompacted(List<Object> entries) throws IOException {
        try (FileChannel out = FileChannel.open(compacting, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Writer w = Channels.newWriter(out, StandardCharsets.UTF_8);
            for (Object entry : entries) {
                w.write(JournalCodec.encode(entry));
                w.write('\n');
            }
            w.flush();
            out.force(true);
        }
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory for reading; the rename is still atomic there
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": close failed", e);
        }
    }
}
