/**
 * Operations services of the platform: in-app alerting ({@link io.amcp.ops.AlertService}) and
 * backup/restore of the platform's state ({@link io.amcp.ops.BackupService}). The after-hours
 * reconciliation reads brokers' {@link io.amcp.api.spi.BrokerStatementSource} services.
 */
package io.amcp.ops;
