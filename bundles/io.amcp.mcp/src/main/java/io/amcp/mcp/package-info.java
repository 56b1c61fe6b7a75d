/**
 * The MCP server of the platform: tools for AI agents over Streamable HTTP ({@code /mcp}, bearer
 * tokens checked against the API keys) and over stdio ({@link io.amcp.mcp.McpStdioBridge}, run by
 * {@code amcp mcp}), and the live {@link io.amcp.mcp.RiskReportService} the console and the
 * platform API reuse.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.amcp.mcp;
