package io.amcp.data.etl.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The history store the ETL routes write into, PID {@code io.amcp.data.etl.store}. */
@ObjectClassDefinition(name = "AMCP ETL history store", description = "Opens the history store once for all ETL routes"
        + " (one store per directory and process)")
public @interface HistoryStoreConfig {

    @AttributeDefinition(description = "The history store directory; empty = ${karaf.data}/history")
    String storeDirectory() default "";
}
