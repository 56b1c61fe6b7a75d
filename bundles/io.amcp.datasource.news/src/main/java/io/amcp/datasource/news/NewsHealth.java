package io.amcp.datasource.news;

import java.util.List;

/** The news source's per-feed health and freshness, for the data manager and the shell. */
public interface NewsHealth {

    /** One record per configured feed (and the webhook when enabled), ordered by source. */
    List<FeedHealth> feedHealth();
}
