package io.amcp.datasource.file.internal;

import io.amcp.api.model.BarSeries;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.datasource.file.BundledDatasets;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Offers {@link BundledDatasets} (plus the configured CSV directory) as a {@link DatasetProvider} service. */
@Component(service = DatasetProvider.class, configurationPid = "io.amcp.datasource.file")
public final class DatasetProviderComponent implements DatasetProvider {

    private final BundledDatasets datasets;

    @Activate
    public DatasetProviderComponent(ReplayConfig config) {
        this.datasets = FileReplaySource.datasets(config);
    }

    @Override
    public List<DatasetInfo> datasets() {
        return datasets.datasets();
    }

    @Override
    public List<BarSeries> load(String datasetId) {
        return datasets.load(datasetId);
    }
}
