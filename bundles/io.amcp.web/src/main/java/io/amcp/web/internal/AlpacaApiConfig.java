package io.amcp.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the Alpaca-compatible API (PID {@code io.amcp.web.alpaca}). */
@ObjectClassDefinition(name = "AMCP Alpaca-compatible trading API",
        description = "Alpaca trading API v2 and the trade_updates stream over the trading node")
public @interface AlpacaApiConfig {

    @AttributeDefinition(description = "Address to bind; 127.0.0.1 keeps the API on this machine")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port; 0 picks a free one")
    int port() default 8787;

    @AttributeDefinition(description = "File of API keys, one 'keyId:role:iterations:salt:hash' line each "
            + "(ApiKeyStore.add prints such a line); relative paths resolve against karaf.base")
    String keysFile() default "etc/io.amcp.web.keys";

    @AttributeDefinition(description = "Account number shown by /v2/account")
    String accountNumber() default "PA0000000001";

    @AttributeDefinition(description = "Sustained REST requests per minute and key")
    int requestsPerMinute() default 200;

    @AttributeDefinition(description = "Requests a key may make at once")
    int burst() default 200;

    @AttributeDefinition(description = "Largest request body in bytes (larger: 413)")
    int maxBodyBytes() default 65536;

    @AttributeDefinition(description = "Assets listed by /v2/assets: SYMBOL[:class[:exchange[:name]]]")
    String[] assets() default {};

    @AttributeDefinition(description = "Serve the platform API (/api/v1) and the web console (/console/)")
    boolean console() default true;

    @AttributeDefinition(description = "Serve HTTPS and WSS instead of cleartext")
    boolean tls() default false;

    @AttributeDefinition(description = "With tls: PKCS#12 (.p12/.pfx) or JKS (.jks) keystore holding the server key; its "
            + "password is the credential 'web.keystore-password'. Empty: a self-signed certificate is generated on first "
            + "start into ${karaf.data}/amcp/web-tls.p12. Relative paths resolve against karaf.base")
    String keystorePath() default "";

    @AttributeDefinition(description = "This node's name in /api/v1/nodes")
    String nodeId() default "node-1";

    @AttributeDefinition(description = "Model registry folder listed on the console's AI/ML tab; relative "
            + "paths resolve against karaf.data")
    String modelRegistry() default "amcp/models";
}
