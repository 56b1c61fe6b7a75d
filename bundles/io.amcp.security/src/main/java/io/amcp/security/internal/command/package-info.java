/**
 * Karaf shell commands of the {@code amcp} scope for administrators: {@code credential-set},
 * {@code credential-list}, {@code credential-remove} and {@code audit}; thin wrappers over the
 * {@link io.amcp.security.CredentialVault} and {@link io.amcp.api.spi.AuditLog} services.
 */
package io.amcp.security.internal.command;
