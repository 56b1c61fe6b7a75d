/**
 * The MCP server of the platform: tools for AI agents over Streamable HTTP ({@code /mcp}, bearer
 * tokens checked against the API keys) and over stdio ({@link io.amcp.mcp.McpStdioBridge}, run by
 * {@code amcp mcp}). The server component also offers the live {@link io.amcp.risk.RiskReportService}
 * (an {@link io.amcp.risk.LiveRiskReports} over the bars it has seen) that the web console's Risk tab reads.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.amcp.mcp;
