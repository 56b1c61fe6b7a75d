/** Karaf shell commands of the {@code amcp} scope; thin wrappers over the {@code TradingNode} service. */
package io.amcp.shell.internal;
