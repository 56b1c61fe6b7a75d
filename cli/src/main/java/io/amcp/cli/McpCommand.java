package io.amcp.cli;

import io.amcp.mcp.McpStdioBridge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code amcp mcp}: the MCP server over stdio, for agents that launch their tools as processes. It
 * relays newline-delimited JSON-RPC between stdin/stdout and the platform's MCP endpoint, so the agent
 * gets the same tools, roles, risk chain and kill switch as over HTTP. The API key comes from
 * {@code AMCP_MCP_TOKEN=<keyId>:<secret>} or {@code --credentials}, never from the command line. Nothing
 * else is written to stdout: it carries the protocol.
 */
@Command(name = "mcp", description = "MCP over stdio, relayed to the platform's MCP endpoint (key from AMCP_MCP_TOKEN or --credentials).")
final class McpCommand implements Callable<Integer> {

    @Option(names = "--url", description = "MCP endpoint (default: AMCP_MCP_URL or http://127.0.0.1:8788/mcp)")
    String url;

    @Option(names = "--credentials", description = "Properties file with keyId and secret, e.g. data/amcp/initial-credentials.properties")
    Path credentials;

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>();
        if (url != null) {
            args.add("--url");
            args.add(url);
        }
        if (credentials != null) {
            args.add("--credentials");
            args.add(credentials.toString());
        }
        McpStdioBridge.main(args.toArray(String[]::new));
        return 0;
    }
}
