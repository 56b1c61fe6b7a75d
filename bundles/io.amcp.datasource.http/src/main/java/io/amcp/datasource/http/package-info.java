/**
 * The HTTP client the pull data sources (Yahoo Finance, Alpha Vantage, FRED/ECB/World Bank) share:
 * GET with a per-request time-out, an optional request throttle, retries with exponential backoff
 * on network errors, time-outs, 429, 5xx and answers the source calls transient, {@code Retry-After}
 * honoured, and the feed's health kept as {@link io.amcp.api.spi.DataSourceHealth.FeedHealth}.
 */
package io.amcp.datasource.http;
