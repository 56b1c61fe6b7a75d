package io.amcp.datasource.news.internal;

import java.util.regex.Pattern;

/** Feed summaries often carry HTML; sentiment and tagging read the text only. */
final class PlainText {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private PlainText() {
    }

    /** {@code html} without tags, with the common entities decoded and whitespace collapsed. */
    static String of(String html) {
        String text = TAG.matcher(html).replaceAll(" ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    /** The title, or when a feed gives none, the start of the body. */
    static String headline(String title, String body) {
        if (!title.isBlank()) {
            return title;
        }
        return body.length() <= 120 ? body : body.substring(0, 120);
    }
}
