/**
 * Implementation details of the options bundle (never exported): the normal distribution and
 * argument checks.
 */
package io.amcp.options.internal;
