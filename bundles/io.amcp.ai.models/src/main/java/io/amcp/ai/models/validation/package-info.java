/**
 * Validation splits for financial time series, where labels span several bars: {@link
 * io.amcp.ai.models.validation.PurgedKFold} (purging and embargo) and {@link
 * io.amcp.ai.models.validation.WalkForward}, both over the {@link
 * io.amcp.ai.models.validation.LabelWindows} of the samples.
 */
package io.amcp.ai.models.validation;
