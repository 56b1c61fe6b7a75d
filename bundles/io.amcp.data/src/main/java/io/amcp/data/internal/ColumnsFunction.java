package io.amcp.data.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

/**
 * The table function {@value #NAME}{@code (id)}: DuckDB scans Java primitive columns (ts, open,
 * high, low, close, volume) registered under {@code id} straight into its vectors, so that
 * {@code COPY (SELECT * FROM amcp_bars(7)) TO 'f.parquet'} writes Parquet from Java arrays in one
 * pass, without a row-by-row appender or an intermediate table. This was the fastest bulk path
 * measured (see docs/data-store.md).
 */
public final class ColumnsFunction {

    public static final String NAME = "amcp_bars";
    private static final String[] COLUMNS = {"ts", "open", "high", "low", "close", "volume"};

    /** Columns [from, to) of six arrays. */
    record Slice(long[][] columns, int from, int to) {
    }

    private static final class Cursor {
        final Slice slice;
        int position;

        Cursor(Slice slice) {
            this.slice = slice;
            this.position = slice.from;
        }
    }

    private final Map<Long, Slice> slices = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Registers the function on {@code connection}; it then reads slices registered here. */
    public void register(Connection connection) throws SQLException {
        DuckDBFunctions.tableFunction().withName(NAME).withParameter(DuckDBColumnType.BIGINT)
                .withFunction(new DuckDBTableFunction<Slice, Cursor, Object>() {
                    @Override
                    public Slice bind(DuckDBTableFunctionBindInfo info) {
                        for (String column : COLUMNS) {
                            info.addResultColumn(column, DuckDBColumnType.BIGINT);
                        }
                        long id = info.getParameter(0).getLong();
                        Slice slice = slices.get(id);
                        if (slice == null) {
                            throw new IllegalStateException(NAME + "(" + id + "): no columns registered");
                        }
                        return slice;
                    }

                    @Override
                    public Cursor init(DuckDBTableFunctionInitInfo info) {
                        info.setMaxThreads(1);
                        return new Cursor(info.getBindData());
                    }

                    @Override
                    public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
                        Cursor cursor = info.getInitData();
                        int count = (int) Math.min(out.capacity(), cursor.slice.to - cursor.position);
                        for (int c = 0; c < COLUMNS.length; c++) {
                            DuckDBWritableVector vector = out.vector(c);
                            long[] source = cursor.slice.columns[c];
                            int base = cursor.position;
                            if (!VectorAccess.putLongs(vector, source, base, count)) {
                                for (int j = 0; j < count; j++) {
                                    vector.setLong(j, source[base + j]);
                                }
                            }
                        }
                        cursor.position += count;
                        return count;
                    }
                }).register(connection);
    }

    /** Registers columns for one statement; call {@link #release} after it ran. */
    public long put(long[] time, long[] open, long[] high, long[] low, long[] close, long[] volume, int from, int to) {
        long id = ids.incrementAndGet();
        slices.put(id, new Slice(new long[][] {time, open, high, low, close, volume}, from, to));
        return id;
    }

    public void release(long id) {
        slices.remove(id);
    }
}
