/**
 * News and social feeds for strategies and the feature pipeline: pluggable {@link
 * io.amcp.datasource.news.NewsAdapter}s turn a fetched (or posted) payload into {@link
 * io.amcp.datasource.news.FeedEntry}s; the bundle de-duplicates them across feeds, tags them with
 * instruments, scores them with the Loughran-McDonald finance lexicon and publishes them as an
 * {@link io.amcp.api.altdata.NewsFeed} service. Per-feed health is reported by {@link
 * io.amcp.datasource.news.NewsHealth}.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.amcp.datasource.news;
