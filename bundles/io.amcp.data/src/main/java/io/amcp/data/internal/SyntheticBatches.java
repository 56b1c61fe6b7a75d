package io.amcp.data.internal;

import io.amcp.data.BarBatch;
import io.amcp.datasource.file.SyntheticBarGenerator;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The synthetic generator's bars as batches of one symbol and one UTC year each, produced on demand
 * so that memory holds one symbol-year at a time.
 */
public final class SyntheticBatches implements Iterator<BarBatch> {

    private static final int CHUNK = 8192;

    private final SyntheticBarGenerator generator;
    private final long[][] chunk = new long[6][CHUNK];
    private final int capacity;
    private int symbol = -1;
    private SyntheticBarGenerator.BarStream stream;
    private int chunkSize;
    private int chunkPosition;

    public SyntheticBatches(SyntheticBarGenerator generator) {
        this.generator = generator;
        long perYear = 367L * 86_400_000_000_000L / generator.spec().barSize().duration().toNanos() + 2;
        this.capacity = (int) Math.min(generator.barsPerSymbol() + 1, perYear);
    }

    @Override
    public boolean hasNext() {
        while (true) {
            if (stream != null && (chunkPosition < chunkSize || refill())) {
                return true;
            }
            if (symbol + 1 >= generator.instruments().size()) {
                return false;
            }
            symbol++;
            stream = generator.stream(symbol);
            chunkSize = 0;
            chunkPosition = 0;
        }
    }

    private boolean refill() {
        chunkSize = stream.fill(chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], 0, CHUNK);
        chunkPosition = 0;
        return chunkSize > 0;
    }

    @Override
    public BarBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long[][] out = new long[6][capacity];
        long yearEnd = Times.nextYearStart(chunk[0][chunkPosition]);
        int count = 0;
        while (count < capacity && (chunkPosition < chunkSize || refill())) {
            int take = 0;
            while (chunkPosition + take < chunkSize && count + take < capacity && chunk[0][chunkPosition + take] < yearEnd) {
                take++;
            }
            for (int c = 0; c < 6; c++) {
                System.arraycopy(chunk[c], chunkPosition, out[c], count, take);
            }
            count += take;
            chunkPosition += take;
            if (chunkPosition < chunkSize) {
                break;
            }
        }
        for (int c = 0; c < 6; c++) {
            out[c] = Arrays.copyOf(out[c], count);
        }
        return new BarBatch(generator.instruments().get(symbol).id(), out[0], out[1], out[2], out[3], out[4], out[5],
                "synthetic " + generator.spec().toParameters(), null);
    }
}
