package io.amcp.datasource.economic;

import io.amcp.api.altdata.MacroSeries;
import io.amcp.api.spi.PluginStatus;
import java.util.List;

/**
 * The economic data source as the data manager sees it: point-in-time macro series from FRED
 * (ALFRED vintages), the ECB data portal and the World Bank, plus each series' health and freshness.
 *
 * <p>Series ids name the provider and the provider's own code:
 * <ul>
 * <li>{@code fred:CPIAUCSL} - a FRED series; every ALFRED vintage is kept and its
 * {@code realtime_start} is the release date;</li>
 * <li>{@code ecb:EXR/D.USD.EUR.SP00.A} - an ECB dataflow and series key;</li>
 * <li>{@code worldbank:USA/NY.GDP.MKTP.CD} - a World Bank country and indicator.</li>
 * </ul>
 * ECB and World Bank answers carry no release date: a value first seen is taken as released at the
 * end of the day {@code lag} days after its period's last day (or when it was downloaded, if that is
 * earlier), and a changed value seen later is a revision released when it was downloaded.
 */
public interface EconomicData extends MacroSeries {

    /** Health and freshness of every configured series, in configuration order. */
    List<SeriesHealth> health();

    /** Online while every series' latest refresh succeeded, else offline naming the failing ones. */
    PluginStatus status();
}
