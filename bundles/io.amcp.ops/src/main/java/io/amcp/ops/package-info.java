/**
 * Operations services of the platform: in-app alerting ({@link io.amcp.ops.AlertService}), broker
 * statements for the after-hours reconciliation ({@link io.amcp.ops.BrokerStatementSource}) and
 * backup/restore of the platform's state ({@link io.amcp.ops.BackupService}).
 */
package io.amcp.ops;
