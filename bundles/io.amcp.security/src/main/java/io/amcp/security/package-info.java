/**
 * Security services of the platform beyond the SPI: the administrable {@link io.amcp.security.CredentialVault}.
 * The vault and the audit log are registered as {@link io.amcp.api.spi.CredentialStore},
 * {@link io.amcp.security.CredentialVault} and {@link io.amcp.api.spi.AuditLog} services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.amcp.security;
