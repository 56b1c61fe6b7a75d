package io.amcp.datasource.news.internal;

import io.amcp.datasource.news.FeedEntry;
import io.amcp.datasource.news.NewsAdapter;
import io.amcp.datasource.news.NewsFormatException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Atom feeds (RFC 4287): {@code <feed xmlns="http://www.w3.org/2005/Atom"><entry>}. */
public final class AtomAdapter implements NewsAdapter {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Override
    public String kind() {
        return "atom";
    }

    @Override
    public String accept() {
        return "application/atom+xml, application/xml;q=0.9, text/xml;q=0.8";
    }

    @Override
    public List<FeedEntry> parse(byte[] payload) {
        Document document = SecureXml.parse(payload, kind());
        Element root = document.getDocumentElement();
        if (!"feed".equals(root.getLocalName()) || !ATOM.equals(root.getNamespaceURI())) {
            throw new NewsFormatException("atom: expected root element <feed xmlns=\"" + ATOM + "\">, found <"
                    + root.getNodeName() + "> in namespace " + root.getNamespaceURI());
        }
        List<FeedEntry> entries = new ArrayList<>();
        List<Element> items = SecureXml.children(root, ATOM, "entry");
        for (int i = 0; i < items.size(); i++) {
            Element entry = items.get(i);
            String summary = SecureXml.childText(entry, ATOM, "summary");
            String body = PlainText.of(summary.isEmpty() ? SecureXml.childText(entry, ATOM, "content") : summary);
            String title = PlainText.headline(PlainText.of(SecureXml.childText(entry, ATOM, "title")), body);
            if (title.isBlank()) {
                throw new NewsFormatException("atom: entry[" + i + "] has neither <title> nor <summary>");
            }
            String published = SecureXml.childText(entry, ATOM, "published");
            String date = published.isEmpty() ? SecureXml.childText(entry, ATOM, "updated") : published;
            String field = published.isEmpty() ? "updated" : "published";
            entries.add(FeedEntry.of(title, body, link(entry), date.isEmpty() ? null : date(date, i, field)));
        }
        return entries;
    }

    /** The {@code alternate} link (the default relation when {@code rel} is absent). */
    private static String link(Element entry) {
        for (Element link : SecureXml.children(entry, ATOM, "link")) {
            String rel = link.getAttribute("rel");
            if (rel.isEmpty() || "alternate".equals(rel)) {
                return link.getAttribute("href").strip();
            }
        }
        return "";
    }

    private static Instant date(String text, int index, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new NewsFormatException("atom: entry[" + index + "] <" + field + "> '" + text
                    + "' is not an RFC 3339 date such as '2024-04-30T13:30:00Z'", e);
        }
    }
}
