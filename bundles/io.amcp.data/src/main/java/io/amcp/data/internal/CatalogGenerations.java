package io.amcp.data.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The committed catalogs that lock-free readers may still be reading, oldest first, the current one
 * last. A reader pins the current generation ({@link #pin}) for as long as it reads its files; a
 * commit makes a new generation current and hands over the files it replaced, which are deleted only
 * once no reader of that generation or of an older one remains. A reader therefore always finds
 * every file of the catalog it pinned, whole, however many commits happen meanwhile.
 */
public final class CatalogGenerations {

    /** One committed catalog, pinned by readers; closing a pin releases it. */
    public final class Pin implements AutoCloseable {
        private final Generation generation;
        private boolean released;

        private Pin(Generation generation) {
            this.generation = generation;
        }

        /** The catalog this pin holds: its files stay on disk until the pin is closed. */
        public Catalog catalog() {
            return generation.catalog;
        }

        @Override
        public void close() {
            List<Path> unused;
            synchronized (CatalogGenerations.this) {
                if (released) {
                    return;
                }
                released = true;
                generation.readers--;
                unused = collect();
            }
            delete(unused);
        }
    }

    private static final class Generation {
        final Catalog catalog;
        int readers;
        /** Files of this generation that the next one no longer lists. */
        final List<Path> retired = new ArrayList<>();

        Generation(Catalog catalog) {
            this.catalog = catalog;
        }
    }

    private final Deque<Generation> live = new ArrayDeque<>();

    public CatalogGenerations(Catalog initial) {
        live.addLast(new Generation(Objects.requireNonNull(initial, "initial")));
    }

    /** Pins the current catalog; close the pin when its files have been read. */
    public synchronized Pin pin() {
        Generation current = live.getLast();
        current.readers++;
        return new Pin(current);
    }

    /**
     * Makes {@code next} the current catalog. {@code replaced} are files the previous catalog lists
     * and {@code next} does not: deleted now if no reader holds an older generation, else once the
     * last such reader is done.
     */
    public void commit(Catalog next, List<Path> replaced) {
        List<Path> unused;
        synchronized (this) {
            live.getLast().retired.addAll(replaced);
            live.addLast(new Generation(Objects.requireNonNull(next, "next")));
            unused = collect();
        }
        delete(unused);
    }

    /** Number of generations kept for readers, the current one included (for tests and monitoring). */
    public synchronized int generations() {
        return live.size();
    }

    /** Drops the oldest generations no reader holds (never the current one); returns their retired files. */
    private List<Path> collect() {
        List<Path> unused = new ArrayList<>();
        while (live.size() > 1 && live.getFirst().readers == 0) {
            unused.addAll(live.removeFirst().retired);
        }
        return unused;
    }

    private static void delete(List<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // best effort: no catalog lists it any more, and verify() reports a stray Parquet file
            }
        }
    }
}
