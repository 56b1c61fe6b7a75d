package io.amcp.stream.kafka.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Kafka event streaming, PID {@code io.amcp.stream.kafka}. */
@ObjectClassDefinition(name = "AMCP Kafka event streaming", description = "Publishes bars, order events, fills and risk"
        + " denials to Kafka topics (JSON, keyed by instrument, idempotent producer)")
public @interface KafkaStreamConfig {

    @AttributeDefinition(description = "Kafka bootstrap servers, comma-separated host:port")
    String bootstrapServers() default "127.0.0.1:9092";

    @AttributeDefinition(description = "Topic name prefix: topics are <prefix>.bars, .orders, .fills, .risk")
    String topicPrefix() default "amcp";

    @AttributeDefinition(description = "Producer client id")
    String clientId() default "amcp-node";

    @AttributeDefinition(description = "Events held while Kafka is slow; beyond this new events are dropped and counted")
    int queueCapacity() default 100_000;

    @AttributeDefinition(description = "Milliseconds the producer waits to fill a batch")
    int lingerMs() default 5;
}
