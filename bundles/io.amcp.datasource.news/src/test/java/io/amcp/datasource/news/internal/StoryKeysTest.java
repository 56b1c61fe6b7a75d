package io.amcp.datasource.news.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryKeysTest {

    @Test
    void linksAreComparedWithoutSchemeHostCaseTrackingAndFragments() {
        assertThat(StoryKeys.normaliseUrl("HTTPS://WWW.News.Example.com:443/a/b/?utm_source=x&id=7&fbclid=1&b=2#top"))
                .isEqualTo("news.example.com/a/b?b=2&id=7");
        assertThat(StoryKeys.normaliseUrl("http://news.example.com:8080/a")).isEqualTo("news.example.com:8080/a");
        assertThat(StoryKeys.normaliseUrl("")).isEmpty();
    }

    @Test
    void titlesIgnoreCaseAndPunctuation() {
        assertThat(StoryKeys.normaliseTitle("  $TSLA: Recall costs -- LOSS!")).isEqualTo("tsla recall costs loss");
    }

    @Test
    void idIsTheLinkKeyElseTheTitleKey() {
        StoryKeys linked = StoryKeys.of("https://news.example.com/a", "A");
        assertThat(linked.id()).isEqualTo(linked.urlKey()).startsWith("u").hasSize(33);
        StoryKeys unlinked = StoryKeys.of("", "A");
        assertThat(unlinked.id()).isEqualTo(unlinked.titleKey()).isEqualTo(linked.titleKey());
        assertThat(StoryKeys.of("http://news.example.com/a/", "B").urlKey()).isEqualTo(linked.urlKey());
    }
}
