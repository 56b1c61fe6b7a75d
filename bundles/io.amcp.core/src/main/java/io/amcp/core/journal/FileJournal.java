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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A journal in one append-only text file ({@link JournalCodec} lines). Each append is flushed to
 * the operating system before it returns, which survives a killed process; with {@code fsync} it
 * is also forced to disk, which survives a power loss at a large cost in latency.
 *
 * <p>On open, a torn last line (a process killed mid-write) is cut off the file and reported; a
 * corrupt line anywhere else stops the open with its line number, and nothing is changed.
 */
public final class FileJournal implements Journal {

    private final Path file;
    private final boolean fsync;
    private final List<Object> recovered;
    private final FileChannel channel;
    private final Writer writer;
    private final String repairNote;

    public FileJournal(Path file, boolean fsync) {
        this.file = file;
        this.fsync = fsync;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            List<Object> entries = new ArrayList<>();
            String note = null;
            long goodBytes = 0;
            if (Files.exists(file)) {
                List<String> lines;
                try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    lines = r.lines().toList();
                }
                byte[] all = Files.readAllBytes(file);
                boolean endsWithNewline = all.length == 0 || all[all.length - 1] == '\n';
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
                        note = "journal " + file + ": dropped torn last line " + (i + 1) + " (" + e.getMessage() + ")";
                    }
                }
            }
            this.recovered = entries;
            this.repairNote = note;
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(goodBytes);
            channel.position(goodBytes);
            this.writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
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
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": close failed", e);
        }
    }
}
