package io.amcp.routing;

/**
 * What the router sent to one venue, for the best-execution review.
 *
 * @param venue     broker connector id
 * @param orders    client order ids sent to it (whole orders and split slices)
 * @param failovers orders sent elsewhere because this venue was not online or refused the connection
 * @param online    whether the venue is online now
 */
public record VenueStatistics(String venue, long orders, long failovers, boolean online) {
}
