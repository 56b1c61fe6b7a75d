/**
 * The model registry ({@link io.amcp.ai.models.registry.ModelRegistry}: versions, parameters, data
 * range, metrics, stored as files) and the HTML {@link io.amcp.ai.models.registry.ModelCard}.
 */
package io.amcp.ai.models.registry;
