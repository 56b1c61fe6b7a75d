package io.amcp.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When replaced files go: only once no reader of their generation or an older one remains. */
class CatalogGenerationsTest {

    @TempDir
    Path dir;

    @Test
    void aReplacedFileOutlivesEveryReaderThatMayStillReadIt() throws Exception {
        // file a is listed by generation 0 only; file b by generations 0 and 1
        Path a = Files.writeString(dir.resolve("a.parquet"), "a");
        Path b = Files.writeString(dir.resolve("b.parquet"), "b");
        Catalog c0 = new Catalog();
        Catalog c1 = new Catalog();
        Catalog c2 = new Catalog();
        CatalogGenerations generations = new CatalogGenerations(c0);

        CatalogGenerations.Pin p0 = generations.pin();
        assertSame(c0, p0.catalog());
        generations.commit(c1, List.of(a));
        assertTrue(Files.exists(a), "a reader of generation 0 runs");
        CatalogGenerations.Pin p1 = generations.pin();
        assertSame(c1, p1.catalog());
        generations.commit(c2, List.of(b));
        p1.close();
        assertTrue(Files.exists(b), "the reader of generation 0 may still read b");
        assertTrue(Files.exists(a));
        assertEquals(3, generations.generations());
        p0.close();
        p0.close();
        assertFalse(Files.exists(a));
        assertFalse(Files.exists(b));
        assertEquals(1, generations.generations(), "only the current generation is left");

        Path c = Files.writeString(dir.resolve("c.parquet"), "c");
        generations.commit(new Catalog(), List.of(c));
        assertFalse(Files.exists(c), "no reader: deleted at the commit");
    }
}
