/**
 * AI features and labels.
 */
package io.amcp.ai.features;
