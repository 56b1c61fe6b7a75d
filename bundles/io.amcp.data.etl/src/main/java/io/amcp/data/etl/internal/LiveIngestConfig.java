package io.amcp.data.etl.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Live-stream ingest from the market data hub, PID {@code io.amcp.data.etl.live}. */
@ObjectClassDefinition(name = "AMCP live bars ingest", description = "Subscribes to the market data hub and stores"
        + " the live bars in micro-batches, with validation, quarantine and a quality report per batch")
public @interface LiveIngestConfig {

    @AttributeDefinition(description = "Hub subscription name")
    String subscription() default "etl-live";

    @AttributeDefinition(description = "Dataset the live bars go into")
    String dataset() default "live";

    @AttributeDefinition(description = "Bar size of the live bars: 1m, 5m, 15m, 1h or 1d")
    String barSize() default "1m";

    @AttributeDefinition(description = "A micro-batch is stored once it holds this many bars")
    int batchSize() default 1000;

    @AttributeDefinition(description = "... or once its oldest bar has waited this many milliseconds")
    long flushMillis() default 5000;

    @AttributeDefinition(description = "Directory of the per-batch quality reports")
    String reports() default "data/reports";

    @AttributeDefinition(description = "Times a micro-batch is offered to the store before it is quarantined whole"
            + " (beside the reports, live-failed-<batch>.csv with its bars and .txt with the error)")
    int retryAttempts() default 3;

    @AttributeDefinition(description = "Milliseconds before the second attempt, doubled before each next one (at most 60000)")
    long retryBackoffMillis() default 1000;

    @AttributeDefinition(description = "Initial capacity of the hub subscription's queue (lossless: it grows when behind)")
    int queueCapacity() default 4096;
}
