package io.amcp.data.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCacheTest {

    private static final long E8 = 100_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    private static final long T0 = 1_700_000_040_000_000_000L;

    @TempDir
    Path dir;

    /** Three minute bars at cent prices: every column's differences, the divisors and the widths worked out by hand. */
    private static long[][] threeBars() {
        long[] time = {T0, T0 + MINUTE, T0 + 3 * MINUTE};
        long[] open = {100 * E8, 10_001 * E8 / 100, 10_002 * E8 / 100};
        long[] high = {10_005 * E8 / 100, 10_005 * E8 / 100, 10_004 * E8 / 100};
        long[] low = {9_990 * E8 / 100, 9_998 * E8 / 100, 9_997 * E8 / 100};
        long[] close = {10_001 * E8 / 100, 10_002 * E8 / 100, 9_999 * E8 / 100};
        long[] volume = {1_000 * E8, 41_000 * E8, 500 * E8};
        return new long[][] {time, open, high, low, close, volume};
    }

    @Test
    void differencesAreStoredInTheNarrowestWidthAndDecodeExactly() throws IOException {
        Path file = dir.resolve("c.cols");
        long[][] cols = threeBars();
        long size = ReplayCache.write(file, cols, 0, 3);
        // header: 8 magic + 4 rows + 6 x (1 width + 8 first + 8 divisor) = 114 bytes; trailer: 4 bytes CRC32C.
        // time: differences 1 and 2 minutes, divisor 60 s -> 1 byte each; prices: differences of 1-3 cents,
        // divisor one cent (1e6 raw) -> 1 byte; volume: +40,000 and -40,500 shares, divisor 500 shares
        // (gcd of 4e12 and 4.05e12 raw is 5e10) -> 80 and -81 -> 1 byte.
        assertEquals(114 + 2 * 6 + 4, size);
        assertEquals(size, Files.size(file));
        ReplayCache.Columns c = ReplayCache.read(file, 3);
        assertNotNull(c);
        assertArrayEquals(cols[0], c.time());
        assertArrayEquals(cols[1], c.open());
        assertArrayEquals(cols[2], c.high());
        assertArrayEquals(cols[3], c.low());
        assertArrayEquals(cols[4], c.close());
        assertArrayEquals(cols[5], c.volume());
    }

    @Test
    void wideDifferencesUseWiderCells() throws IOException {
        Path file = dir.resolve("w.cols");
        long[][] cols = threeBars();
        // volumes 1, 60,001 and 3 units of 1e-8: differences 60,000 and -59,998, divisor 2 -> 30,000 and -29,999 (2 bytes)
        cols[5] = new long[] {1, 60_001, 3};
        // a close jump of 2^40 raw units next to one of 1: divisor 1, 8-byte cells
        cols[4] = new long[] {E8, E8 + (1L << 40), E8 + (1L << 40) + 1};
        long size = ReplayCache.write(file, cols, 0, 3);
        assertEquals(114 + 2 * (1 + 1 + 1 + 1 + 8 + 2) + 4, size);
        ReplayCache.Columns c = ReplayCache.read(file, 3);
        assertArrayEquals(cols[4], c.close());
        assertArrayEquals(cols[5], c.volume());
    }

    @Test
    void aRangeOfTheColumnsIsWritten() throws IOException {
        Path file = dir.resolve("r.cols");
        long[][] cols = threeBars();
        ReplayCache.write(file, cols, 1, 3);
        ReplayCache.Columns c = ReplayCache.read(file, 2);
        assertArrayEquals(Arrays.copyOfRange(cols[0], 1, 3), c.time());
        assertArrayEquals(Arrays.copyOfRange(cols[5], 1, 3), c.volume());
    }

    @Test
    void aDamagedOrForeignFileIsRejected() throws IOException {
        Path file = dir.resolve("d.cols");
        ReplayCache.write(file, threeBars(), 0, 3);
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[120] ^= 1;
        Files.write(file, flipped);
        assertNull(ReplayCache.read(file, 3), "one flipped payload bit fails the CRC32C");

        Files.write(file, Arrays.copyOf(good, good.length - 1));
        assertNull(ReplayCache.read(file, 3), "truncated");

        Files.write(file, good);
        assertNull(ReplayCache.read(file, 4), "a cache for another row count");
        assertNull(ReplayCache.read(dir.resolve("missing.cols"), 3));
        assertNotNull(ReplayCache.read(file, 3));
    }
}
