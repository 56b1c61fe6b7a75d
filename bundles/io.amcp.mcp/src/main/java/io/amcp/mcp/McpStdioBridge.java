package io.amcp.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's MCP tools over stdio, for agents that start their MCP servers as processes
 * ({@code amcp mcp}). It relays to the running platform's Streamable HTTP endpoint with an API key,
 * so authentication, roles, the risk chain and the audit log stay on the platform: the tools
 * listed are the platform's, each call is forwarded unchanged and its result returned unchanged.
 *
 * <p>Command line: {@code [--url http://127.0.0.1:8788/mcp] [--credentials FILE]}. The token is
 * {@code AMCP_MCP_TOKEN=<keyId>:<secret>} from the environment or the {@code keyId} and {@code secret}
 * of a properties file such as {@code data/amcp/initial-credentials.properties}; it is never taken
 * from the command line, where other users could read it. Only the protocol is written to stdout.
 */
public final class McpStdioBridge implements AutoCloseable {

    /** Default endpoint: the MCP server's default port on this machine. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8788/mcp";

    private final McpSyncClient platform;
    private final McpSyncServer server;
    private final CountDownLatch endOfInput = new CountDownLatch(1);

    private McpStdioBridge(URI endpoint, String token, InputStream in, OutputStream out) {
        McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.builder().build());
        String base = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint.getRawPath())
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .jsonMapper(json).build();
        // mapper and validator are passed explicitly: no service-loader lookup, which a shaded jar may break
        DefaultJsonSchemaValidator validator = new DefaultJsonSchemaValidator(JsonMapper.builder().build());
        platform = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(2)).jsonSchemaValidator(validator)
                .build();
        platform.initialize();
        List<McpServerFeatures.SyncToolSpecification> tools = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = platform.listTools(cursor);
            for (McpSchema.Tool tool : page.tools()) {
                tools.add(new McpServerFeatures.SyncToolSpecification(tool,
                        (exchange, request) -> platform.callTool(request)));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) {
                    endOfInput.countDown();
                }
                return n;
            }
        };
        server = McpServer.sync(new StdioServerTransportProvider(json, watched, out))
                .serverInfo("amcp-stdio", "0.1.0")
                .jsonMapper(json)
                .jsonSchemaValidator(validator)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools)
                .build();
    }

    /**
     * Connects to the platform at {@code endpoint} with {@code token} ({@code <keyId>:<secret>}) and
     * serves its tools over {@code in}/{@code out}.
     *
     * @throws IllegalArgumentException naming {@code token} when it is not {@code keyId:secret}
     */
    public static McpStdioBridge start(URI endpoint, String token, InputStream in, OutputStream out) {
        if (token == null || token.indexOf(':') <= 0 || token.endsWith(":")) {
            throw new IllegalArgumentException("token: expected <keyId>:<secret>");
        }
        return new McpStdioBridge(endpoint, token, in, out);
    }

    /** Blocks until the agent closes the input. */
    public void awaitEndOfInput() throws InterruptedException {
        endOfInput.await();
    }

    @Override
    public void close() {
        server.close();
        platform.close();
    }

    /** Entry point of {@code amcp mcp}. */
    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("AMCP_MCP_URL", DEFAULT_URL);
        String token = System.getenv("AMCP_MCP_TOKEN");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = value(args, ++i, "--url");
                case "--credentials" -> token = tokenFrom(Path.of(value(args, ++i, "--credentials")));
                default -> {
                    System.err.println("amcp mcp: unknown option " + args[i]
                            + " (usage: amcp mcp [--url URL] [--credentials FILE]; or AMCP_MCP_TOKEN=keyId:secret)");
                    System.exit(2);
                }
            }
        }
        if (token == null) {
            System.err.println("amcp mcp: no API key: set AMCP_MCP_TOKEN=<keyId>:<secret> or pass --credentials FILE");
            System.exit(2);
        }
        try (McpStdioBridge bridge = start(URI.create(url), token, System.in, System.out)) {
            bridge.awaitEndOfInput();
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + ": needs a value");
        }
        return args[i];
    }

    private static String tokenFrom(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String keyId = p.getProperty("keyId");
        String secret = p.getProperty("secret");
        if (keyId == null || secret == null) {
            throw new IllegalArgumentException("--credentials: " + file + " has no keyId and secret");
        }
        return keyId + ":" + secret;
    }
}
