package io.amcp.datasource.file.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the bundled-data replay (PID {@code io.amcp.datasource.file}). */
@ObjectClassDefinition(name = "AMCP bundled-data replay",
        description = "Replays a bundled, synthetic or CSV dataset into the kernel in accelerated real time")
public @interface ReplayConfig {

    @AttributeDefinition(description = "Dataset id: aapl-2013, btc-bitstamp, eth-5min, synthetic, "
            + "synthetic:key=value,... or the name of a CSV file in csvDirectory")
    String dataset() default "aapl-2013";

    @AttributeDefinition(description = "Bar times replayed per second of wall time (all instruments' bars "
            + "of one time go out together)")
    double barsPerSecond() default 5;

    @AttributeDefinition(description = "Start again from the first bar after the last one, shifted forward in time")
    boolean loop() default true;

    @AttributeDefinition(description = "Directory whose *.csv files (Yahoo or Alpaca layout) are offered as "
            + "datasets; empty for none")
    String csvDirectory() default "";
}
