package io.amcp.datasource.news.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.datasource.news.FeedEntry;
import io.amcp.datasource.news.NewsFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapters on their own: fields read, and malformed or hostile payloads refused clearly. */
class AdaptersTest {

    @Test
    void rssItemsWithMarkupStripped() {
        List<FeedEntry> entries = new RssAdapter().parse(RecordedFeedServer.resource("marketwire.rss.xml"));
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).body()).isEqualTo("Apple reported strong results; services margins improved.");
        assertThat(entries.get(0).url()).isEqualTo("https://news.example.com/2024/05/02/apple-earnings?utm_source=rss&utm_medium=feed");
    }

    @Test
    void atomFallsBackToUpdatedAndReadsAlternateLinks() {
        List<FeedEntry> entries = new AtomAdapter().parse(RecordedFeedServer.resource("centralbank.atom.xml"));
        assertThat(entries.get(1).body()).isEqualTo("The committee kept the target range unchanged.");
        assertThat(entries.get(2).published()).contains(Instant.parse("2024-04-23T21:00:00Z"));
        assertThat(entries.get(2).url()).isEqualTo("https://econ.example.org/2024/04/23/tesla");
    }

    @Test
    void externalEntitiesAreRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><item><title>&x;</title></item></channel></rss>";
        assertThatThrownBy(() -> new RssAdapter().parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NewsFormatException.class)
                .hasMessageStartingWith("rss: malformed XML at line 1")
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void wrongDocumentsNameWhatWasExpected() {
        byte[] atom = RecordedFeedServer.resource("centralbank.atom.xml");
        assertThatThrownBy(() -> new RssAdapter().parse(atom)).hasMessage("rss: expected root element <rss>, found <feed>");
        byte[] rss = RecordedFeedServer.resource("marketwire.rss.xml");
        assertThatThrownBy(() -> new AtomAdapter().parse(rss)).hasMessageStartingWith("atom: expected root element <feed");
        byte[] badDate = ("<rss version=\"2.0\"><channel><item><title>t</title><pubDate>May 2nd</pubDate></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new RssAdapter().parse(badDate)).hasMessageStartingWith("rss: item[0] <pubDate> 'May 2nd' is not an RFC 822 date");
    }

    @Test
    void redditListingFieldsAreChecked() {
        RedditListingAdapter reddit = new RedditListingAdapter();
        assertThatThrownBy(() -> reddit.parse("{\"kind\":\"t3\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("reddit: field 'kind' must be \"Listing\", was \"t3\"");
        assertThatThrownBy(() -> reddit.parse(("{\"kind\":\"Listing\",\"data\":{\"children\":[{\"kind\":\"t3\",\"data\":"
                + "{\"title\":\"x\",\"created_utc\":\"soon\"}}]}}").getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("reddit: field 'data.children[0].data.created_utc' must be epoch seconds");
        List<FeedEntry> posts = reddit.parse(RecordedFeedServer.resource("stocks-new.reddit.json"));
        assertThat(posts.get(1).body()).isEqualTo("P/E looks stretched to me. Never been better or never been riskier?");
        assertThat(posts.get(0).published()).isEqualTo(Optional.of(Instant.ofEpochSecond(1714683300L)));
    }
}
