package io.amcp.data.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The replay cache: one partition's six bar columns in a file made for reading back fast, beside the
 * Parquet file it was made from (which stays the source of truth).
 *
 * <p>Each column is stored as its first value, a divisor and the successive differences divided by
 * the divisor (the greatest common divisor of the differences: 60 s for minute bar times, one cent
 * for cent prices), each difference in the narrowest of 1, 2, 4 or 8 bytes that holds all of them.
 * Decoding is a prefix sum, with no decompression. Layout (little-endian):
 *
 * <pre>
 * "AMCPRC01" | rows int | per column: width byte, first long, divisor long | per column: rows-1 differences | CRC32C int of all before
 * </pre>
 *
 * <p>{@link #read} checks the magic, the length implied by the header and the CRC32C, and returns
 * null for a file that fails any of them, so that a damaged cache is never trusted; the caller then
 * rebuilds it from Parquet.
 */
public final class ReplayCache {

    private static final byte[] MAGIC = {'A', 'M', 'C', 'P', 'R', 'C', '0', '1'};
    private static final int COLUMNS = 6;
    private static final int HEADER = MAGIC.length + 4 + COLUMNS * 17;

    private ReplayCache() {
    }

    /** Six decoded columns: time, open, high, low, close, volume. */
    public record Columns(long[] time, long[] open, long[] high, long[] low, long[] close, long[] volume) {

        public int size() {
            return time.length;
        }
    }

    /**
     * Encodes rows [from, to) of the columns and writes them to {@code file} atomically (a temporary
     * file moved into place); returns the file's size.
     */
    public static long write(Path file, long[][] columns, int from, int to) throws IOException {
        int rows = to - from;
        int[] width = new int[COLUMNS];
        long[] divisor = new long[COLUMNS];
        long payload = 0;
        for (int c = 0; c < COLUMNS; c++) {
            long[] v = columns[c];
            long gcd = 0;
            for (int i = from + 1; i < to; i++) {
                long d = v[i] - v[i - 1];
                // one remainder per value while the divisor holds; Euclid only when it shrinks
                if (gcd == 0 ? d != 0 : d % gcd != 0) {
                    gcd = gcd(gcd, d);
                }
            }
            divisor[c] = gcd == 0 ? 1 : gcd;
            long max = 0;
            for (int i = from + 1; i < to; i++) {
                long d = (v[i] - v[i - 1]) / divisor[c];
                max = Math.max(max, d == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(d));
            }
            width[c] = max <= Byte.MAX_VALUE ? 1 : max <= Short.MAX_VALUE ? 2 : max <= Integer.MAX_VALUE ? 4 : 8;
            payload += (long) width[c] * Math.max(0, rows - 1);
        }
        long size = HEADER + payload + 4;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("replay cache: " + rows + " rows do not fit one file");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(rows);
        for (int c = 0; c < COLUMNS; c++) {
            b.put((byte) width[c]).putLong(rows == 0 ? 0 : columns[c][from]).putLong(divisor[c]);
        }
        for (int c = 0; c < COLUMNS; c++) {
            long[] v = columns[c];
            long div = divisor[c];
            switch (width[c]) {
                case 1 -> {
                    for (int i = from + 1; i < to; i++) {
                        b.put((byte) ((v[i] - v[i - 1]) / div));
                    }
                }
                case 2 -> {
                    for (int i = from + 1; i < to; i++) {
                        b.putShort((short) ((v[i] - v[i - 1]) / div));
                    }
                }
                case 4 -> {
                    for (int i = from + 1; i < to; i++) {
                        b.putInt((int) ((v[i] - v[i - 1]) / div));
                    }
                }
                default -> {
                    for (int i = from + 1; i < to; i++) {
                        b.putLong((v[i] - v[i - 1]) / div);
                    }
                }
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, b.array());
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return size;
    }

    /**
     * Reads a cache file holding {@code expectedRows} rows; null when it is missing, of the wrong
     * size or row count, or fails its checksum.
     */
    public static Columns read(Path file, long expectedRows) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER + 4 || size > Integer.MAX_VALUE) {
                return null;
            }
            MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            ByteBuffer b = mapped.order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < MAGIC.length; i++) {
                if (b.get(i) != MAGIC[i]) {
                    return null;
                }
            }
            int rows = b.getInt(MAGIC.length);
            if (rows != expectedRows || rows < 0) {
                return null;
            }
            int[] width = new int[COLUMNS];
            long[] first = new long[COLUMNS];
            long[] divisor = new long[COLUMNS];
            long payload = 0;
            for (int c = 0; c < COLUMNS; c++) {
                int at = MAGIC.length + 4 + c * 17;
                width[c] = b.get(at);
                first[c] = b.getLong(at + 1);
                divisor[c] = b.getLong(at + 9);
                if (width[c] != 1 && width[c] != 2 && width[c] != 4 && width[c] != 8) {
                    return null;
                }
                payload += (long) width[c] * Math.max(0, rows - 1);
            }
            if (size != HEADER + payload + 4) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(b.duplicate().position(0).limit((int) size - 4));
            if ((int) crc.getValue() != b.getInt((int) size - 4)) {
                return null;
            }
            long[][] out = new long[COLUMNS][rows];
            int at = HEADER;
            for (int c = 0; c < COLUMNS; c++) {
                if (rows > 0) {
                    decode(b, at, width[c], first[c], divisor[c], out[c]);
                }
                at += width[c] * Math.max(0, rows - 1);
            }
            return new Columns(out[0], out[1], out[2], out[3], out[4], out[5]);
        }
    }

    /** The prefix sum of one column's differences: copied out of the file in bulk first, then summed over a primitive array. */
    private static void decode(ByteBuffer b, int at, int width, long first, long divisor, long[] out) {
        long v = first;
        out[0] = v;
        int n = out.length;
        ByteBuffer cells = b.slice(at, width * (n - 1)).order(ByteOrder.LITTLE_ENDIAN);
        switch (width) {
            case 1 -> {
                byte[] d = new byte[n - 1];
                cells.get(d);
                for (int i = 1; i < n; i++) {
                    v += d[i - 1] * divisor;
                    out[i] = v;
                }
            }
            case 2 -> {
                short[] d = new short[n - 1];
                cells.asShortBuffer().get(d);
                for (int i = 1; i < n; i++) {
                    v += d[i - 1] * divisor;
                    out[i] = v;
                }
            }
            case 4 -> {
                int[] d = new int[n - 1];
                cells.asIntBuffer().get(d);
                for (int i = 1; i < n; i++) {
                    v += d[i - 1] * divisor;
                    out[i] = v;
                }
            }
            default -> {
                cells.asLongBuffer().get(out, 1, n - 1);
                for (int i = 1; i < n; i++) {
                    v += out[i] * divisor;
                    out[i] = v;
                }
            }
        }
    }

    private static long gcd(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
