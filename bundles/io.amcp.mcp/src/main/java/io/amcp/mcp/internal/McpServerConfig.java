package io.amcp.mcp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the MCP server (PID {@code io.amcp.mcp}). */
@ObjectClassDefinition(name = "AMCP MCP server",
        description = "Model Context Protocol tools for AI agents over Streamable HTTP, behind the API keys and the risk chain")
public @interface McpServerConfig {

    @AttributeDefinition(description = "Address to bind; 127.0.0.1 keeps the server on this machine")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port; 0 picks a free one")
    int port() default 8788;

    @AttributeDefinition(description = "Path of the Streamable HTTP endpoint")
    String endpoint() default "/mcp";

    @AttributeDefinition(description = "File of API keys shared with the Alpaca-compatible API (PID io.amcp.web.alpaca); "
            + "relative paths resolve against karaf.base; bearer tokens are '<keyId>:<secret>'")
    String keysFile() default "etc/io.amcp.web.keys";

    @AttributeDefinition(description = "Watchlist file; relative paths resolve against karaf.data")
    String watchlistsFile() default "amcp/mcp-watchlists.json";

    @AttributeDefinition(description = "Assets listed by get_all_assets besides those traded or in the data: "
            + "SYMBOL[:class[:exchange[:name]]]")
    String[] assets() default {};

    @AttributeDefinition(description = "Recent bars kept per instrument for bars, snapshots and VaR")
    int barsKept() default 2000;

    @AttributeDefinition(description = "Seconds between equity samples for get_portfolio_history")
    int equitySampleSeconds() default 60;

    @AttributeDefinition(description = "Largest request body in bytes (larger: 413)")
    int maxBodyBytes() default 1_048_576;

    @AttributeDefinition(description = "Sustained MCP requests per minute and API key (more: 429)")
    int requestsPerMinute() default 600;

    @AttributeDefinition(description = "Requests an API key may make at once")
    int burst() default 120;

    @AttributeDefinition(description = "Threads serving HTTP requests")
    int threads() default 4;
}
