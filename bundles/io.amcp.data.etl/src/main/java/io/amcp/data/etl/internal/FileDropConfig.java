package io.amcp.data.etl.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** File-drop ingest into the history store, PID {@code io.amcp.data.etl.filedrop}. */
@ObjectClassDefinition(name = "AMCP file-drop ingest", description = "Watches a directory for CSV and Alpaca bars JSON"
        + " files and ingests them into the history store with validation, quarantine and a quality report per file")
public @interface FileDropConfig {

    @AttributeDefinition(description = "The watched directory; processed files move to .done/, refused ones to .failed/")
    String inbox() default "data/inbox";

    @AttributeDefinition(description = "Dataset the dropped bars go into")
    String dataset() default "dropped";

    @AttributeDefinition(description = "Bar size of Alpaca files: 1m, 5m, 15m, 1h, 1d, or empty to infer it")
    String barSize() default "";

    @AttributeDefinition(description = "Directory of the per-file quality reports; empty for <inbox>/.reports")
    String reports() default "";

    @AttributeDefinition(description = "Milliseconds between directory scans")
    long pollMillis() default 1000;
}
