package io.amcp.data.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.duckdb.DuckDBWritableVector;

/**
 * Bulk writes into a DuckDB output vector. {@link DuckDBWritableVector#setLong} checks bounds and
 * type and takes a lock to set the validity bit for every single value, which profiling showed as the
 * largest Java cost of an ingest; this copies a whole column into the vector's data buffer at once
 * and marks the rows valid word by word. It reaches the driver's private buffers by reflection; when
 * that is not possible (another driver version, a security manager) {@link #putLongs} returns false
 * and the caller falls back to {@code setLong}.
 */
final class VectorAccess {

    private static final VarHandle DATA;
    private static final VarHandle VALIDITY;

    static {
        VarHandle data = null;
        VarHandle validity = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(DuckDBWritableVector.class, MethodHandles.lookup());
            data = lookup.findVarHandle(DuckDBWritableVector.class, "data", ByteBuffer.class);
            validity = lookup.findVarHandle(DuckDBWritableVector.class, "validity", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            data = null;
            validity = null;
        }
        DATA = data;
        VALIDITY = validity;
    }

    private VectorAccess() {
    }

    /** Copies {@code source[from, from + count)} into rows [0, count) of a BIGINT vector; false if bulk access is unavailable. */
    static boolean putLongs(DuckDBWritableVector vector, long[] source, int from, int count) {
        if (DATA == null || count > vector.rowCount()) {
            return false;
        }
        ByteBuffer data = (ByteBuffer) DATA.get(vector);
        if (data == null || data.capacity() < 8L * count) {
            return false;
        }
        data.duplicate().order(ByteOrder.nativeOrder()).asLongBuffer().put(source, from, count);
        ByteBuffer validity = (ByteBuffer) VALIDITY.get(vector);
        if (validity != null) {
            ByteBuffer bits = validity.duplicate().order(ByteOrder.nativeOrder());
            int words = (count + 63) / 64;
            for (int w = 0; w < words && 8 * w + 8 <= bits.capacity(); w++) {
                bits.putLong(8 * w, -1L);
            }
        }
        return true;
    }
}
