package io.amcp.risk;

/**
 * Margin requirements against the assets in the account.
 *
 * @param initialRequirement     sum of initial requirements of all positions
 * @param maintenanceRequirement sum of maintenance requirements of all positions
 * @param marginAssets           cash (short-sale proceeds included) plus long market value
 * @param initialUsage           {@code initialRequirement / marginAssets}: 1.0 means fully used;
 *                               infinite when assets are not positive but something is required
 * @param maintenanceUsage       {@code maintenanceRequirement / marginAssets}; above 1.0 means a call
 * @param initialExcess          {@code marginAssets - initialRequirement}: room for new positions
 * @param maintenanceCall        whether the maintenance requirement exceeds the assets
 */
public record MarginUsage(double initialRequirement, double maintenanceRequirement, double marginAssets,
        double initialUsage, double maintenanceUsage, double initialExcess, boolean maintenanceCall) {
}
