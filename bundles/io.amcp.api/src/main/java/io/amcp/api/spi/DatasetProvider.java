package io.amcp.api.spi;

import io.amcp.api.model.BarSeries;
import java.util.List;

/** Supplies named historical datasets (bundled files, imports, generated data) for replay. */
public interface DatasetProvider {

    /** The datasets on offer. */
    List<DatasetInfo> datasets();

    /**
     * Loads a dataset's bars, one series per instrument.
     *
     * @throws IllegalArgumentException naming the id when it is unknown
     */
    List<BarSeries> load(String datasetId);

    /**
     * One catalogue entry.
     *
     * @param id          stable id, e.g. {@code aapl-2013}
     * @param description what it is and where it comes from
     * @param barSize     bar size, e.g. {@code 1d} or {@code 5m}
     * @param symbols     instruments in it
     */
    record DatasetInfo(String id, String description, String barSize, List<String> symbols) {
    }
}
