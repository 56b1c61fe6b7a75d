/**
 * Portfolio optimisation.
 */
package io.amcp.portfolio;
