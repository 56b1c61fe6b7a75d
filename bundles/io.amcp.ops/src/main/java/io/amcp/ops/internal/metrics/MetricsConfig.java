package io.amcp.ops.internal.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the metrics and health endpoints (PID {@code io.amcp.ops.metrics}). */
@ObjectClassDefinition(name = "AMCP metrics and health", description = "Prometheus /metrics and /health endpoints")
public @interface MetricsConfig {

    @AttributeDefinition(description = "Interface the endpoints bind to")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port of the endpoints (0: any free port)")
    int port() default 9464;

    @AttributeDefinition(description = "If set, every request needs 'Authorization: Bearer <token>'", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String bearerToken() default "";

    @AttributeDefinition(description = "Seconds between kernel probes (account, kill switch, health alerts)")
    int probeIntervalSeconds() default 15;

    @AttributeDefinition(description = "During the regular session, market data older than this many seconds is stale")
    int maxDataAgeSeconds() default 180;
}
