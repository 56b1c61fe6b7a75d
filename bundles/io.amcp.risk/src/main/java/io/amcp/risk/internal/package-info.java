/**
 * Implementation of the risk analytics: numerical kernels on primitive arrays. Not exported.
 */
package io.amcp.risk.internal;
