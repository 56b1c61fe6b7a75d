package io.amcp.datasource.news.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code io.amcp.datasource.news} ({@code etc/io.amcp.datasource.news.cfg}). */
@ObjectClassDefinition(name = "AMCP news source", description = "RSS/Atom/Reddit feeds and a webhook, "
        + "de-duplicated, tagged with symbols and scored with the Loughran-McDonald lexicon")
public @interface NewsConfig {

    @AttributeDefinition(description = "Feeds as kind:name=url, kind one of rss, atom, reddit or a registered "
            + "NewsAdapter's, e.g. rss:sec-press=https://www.sec.gov/news/pressreleases.rss")
    String[] feeds() default {};

    @AttributeDefinition(description = "Seconds between successful fetches of a feed")
    int pollIntervalSeconds() default 300;

    @AttributeDefinition(description = "Time limit of one fetch, in seconds")
    int requestTimeoutSeconds() default 15;

    @AttributeDefinition(description = "Wait after a feed's first failure, in seconds; doubles per further failure")
    int backoffInitialSeconds() default 10;

    @AttributeDefinition(description = "Longest wait after failures, in seconds (a 429's Retry-After may ask for more)")
    int backoffMaxSeconds() default 1800;

    @AttributeDefinition(description = "Company names to tag, as Name=SYMBOL, matched case-sensitively on word boundaries")
    String[] companies() default {};

    @AttributeDefinition(description = "Directory of news.jsonl; empty means ${karaf.data}/news")
    String storeDirectory() default "";

    @AttributeDefinition(description = "Webhook port on 127.0.0.1; -1 disables the webhook, 0 picks a free port")
    int webhookPort() default -1;

    /** Property {@code .webhookSecret}: the leading dot keeps it out of the service's registration properties. */
    @AttributeDefinition(description = "Webhook shared secret, used only when credential 'news.webhook-secret' is absent",
            type = AttributeType.PASSWORD)
    String _webhookSecret() default "";

    @AttributeDefinition(description = "Path of the Loughran-McDonald master dictionary CSV; empty uses the bundled subset")
    String lexiconFile() default "";
}
