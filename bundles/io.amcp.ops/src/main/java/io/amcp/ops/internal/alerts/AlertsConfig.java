package io.amcp.ops.internal.alerts;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the alert service (PID {@code io.amcp.ops.alerts}). */
@ObjectClassDefinition(name = "AMCP alerts", description = "Channels, de-duplication and rate limits of operational alerts")
public @interface AlertsConfig {

    @AttributeDefinition(description = "Name of this node in alert texts")
    String nodeName() default "amcp";

    @AttributeDefinition(description = "An alert whose key was raised less than this many seconds ago is dropped")
    long dedupWindowSeconds() default 300;

    @AttributeDefinition(description = "Lowest severity written to the log (INFO, WARNING, CRITICAL)")
    String logMinimumSeverity() default "INFO";

    @AttributeDefinition(description = "Log channel: alerts per minute at most")
    int logPerMinute() default 120;

    @AttributeDefinition(description = "Webhook URL (http or https) receiving alerts as JSON POSTs; empty: no webhook")
    String webhookUrl() default "";

    @AttributeDefinition(description = "Lowest severity posted to the webhook")
    String webhookMinimumSeverity() default "WARNING";

    @AttributeDefinition(description = "Webhook channel: alerts per minute at most")
    int webhookPerMinute() default 10;

    @AttributeDefinition(description = "SMTP relay host (no TLS, no AUTH: a local relay); empty: no e-mail")
    String smtpHost() default "";

    @AttributeDefinition(description = "SMTP relay port")
    int smtpPort() default 25;

    @AttributeDefinition(description = "Sender address")
    String smtpFrom() default "amcp@localhost";

    @AttributeDefinition(description = "Recipients, comma-separated")
    String smtpTo() default "";

    @AttributeDefinition(description = "Lowest severity e-mailed")
    String smtpMinimumSeverity() default "CRITICAL";

    @AttributeDefinition(description = "E-mail channel: alerts per hour at most")
    int smtpPerHour() default 20;

    @AttributeDefinition(description = "Webhook and SMTP connect/read timeout in seconds")
    int timeoutSeconds() default 10;
}
