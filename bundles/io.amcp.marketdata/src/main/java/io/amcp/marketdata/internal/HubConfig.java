package io.amcp.marketdata.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The market data hub, PID {@code io.amcp.marketdata}. */
@ObjectClassDefinition(name = "AMCP market data hub", description = "Starts every data source into one hub that"
        + " fans market data out to its subscribers, each on its own thread and queue")
public @interface HubConfig {

    @AttributeDefinition(description = "Subscription names that must exist before data sources are started"
            + " (so the kernel sees a feed from its first bar); empty to start sources at once")
    String[] awaitSubscribers() default {"kernel"};

    @AttributeDefinition(description = "Milliseconds an unsubscribe or shutdown waits for a subscriber's sink to return")
    long stopTimeoutMillis() default 5000;
}
