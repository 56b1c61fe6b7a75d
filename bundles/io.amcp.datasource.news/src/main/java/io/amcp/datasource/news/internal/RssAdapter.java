package io.amcp.datasource.news.internal;

import io.amcp.datasource.news.FeedEntry;
import io.amcp.datasource.news.NewsAdapter;
import io.amcp.datasource.news.NewsFormatException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** RSS 2.0 ({@code <rss><channel><item>}), as specified at https://www.rssboard.org/rss-specification. */
public final class RssAdapter implements NewsAdapter {

    /** RFC 822 dates with a zone name such as {@code EST} that {@link DateTimeFormatter#RFC_1123_DATE_TIME} rejects. */
    private static final DateTimeFormatter NAMED_ZONE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.US);

    @Override
    public String kind() {
        return "rss";
    }

    @Override
    public String accept() {
        return "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8";
    }

    @Override
    public List<FeedEntry> parse(byte[] payload) {
        Document document = SecureXml.parse(payload, kind());
        Element root = document.getDocumentElement();
        if (!"rss".equals(root.getLocalName())) {
            throw new NewsFormatException("rss: expected root element <rss>, found <" + root.getNodeName() + ">");
        }
        List<Element> channels = SecureXml.children(root, null, "channel");
        if (channels.isEmpty()) {
            throw new NewsFormatException("rss: element <channel> is missing");
        }
        List<FeedEntry> entries = new ArrayList<>();
        List<Element> items = SecureXml.children(channels.get(0), null, "item");
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            String body = PlainText.of(SecureXml.childText(item, null, "description"));
            String title = PlainText.headline(PlainText.of(SecureXml.childText(item, null, "title")), body);
            if (title.isBlank()) {
                throw new NewsFormatException("rss: item[" + i + "] has neither <title> nor <description>");
            }
            String date = SecureXml.childText(item, null, "pubDate");
            entries.add(FeedEntry.of(title, body, link(item), date.isEmpty() ? null : date(date, i)));
        }
        return entries;
    }

    private static String link(Element item) {
        String link = SecureXml.childText(item, null, "link");
        if (!link.isEmpty()) {
            return link;
        }
        List<Element> guids = SecureXml.children(item, null, "guid");
        if (!guids.isEmpty() && !"false".equalsIgnoreCase(guids.get(0).getAttribute("isPermaLink"))) {
            return guids.get(0).getTextContent().strip();
        }
        return "";
    }

    static Instant date(String text, int index) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notNumericZone) {
            try {
                return ZonedDateTime.parse(text, NAMED_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new NewsFormatException("rss: item[" + index + "] <pubDate> '" + text
                        + "' is not an RFC 822 date such as 'Tue, 30 Apr 2024 13:30:00 GMT'", e);
            }
        }
    }
}
