package io.amcp.datasource.news.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amcp.api.altdata.NewsItem;
import io.amcp.api.model.InstrumentId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Items kept as JSON lines in {@code <directory>/news.jsonl}, one item per line, appended and flushed
 * as each arrives, so a restart keeps the items and the de-duplication keys. A line that cannot be
 * read (a write cut short by a crash) is skipped with a warning naming the line.
 */
final class NewsStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NewsStore.class);

    private final Path file;
    private final BufferedWriter writer;

    NewsStore(Path directory) {
        this.file = directory.resolve("news.jsonl");
        try {
            Files.createDirectories(directory);
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("storeDirectory: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** The items stored so far, in file order. */
    List<NewsItem> load() {
        List<NewsItem> items = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("storeDirectory: cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                items.add(fromJson(Json.MAPPER.readTree(lines.get(i))));
            } catch (IOException | RuntimeException e) {
                LOG.warn("skipping unreadable line {} of {}: {}", i + 1, file, e.getMessage());
            }
        }
        return items;
    }

    synchronized void append(NewsItem item) {
        try {
            writer.write(Json.MAPPER.writeValueAsString(toJson(item)));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            LOG.warn("closing {}: {}", file, e.getMessage());
        }
    }

    private static ObjectNode toJson(NewsItem item) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", item.id());
        node.put("published", item.published().toString());
        node.put("source", item.source());
        node.put("title", item.title());
        node.put("url", item.url());
        ArrayNode symbols = node.putArray("symbols");
        new TreeSet<>(item.symbols()).forEach(s -> symbols.add(s.value()));
        node.put("sentiment", item.sentiment());
        return node;
    }

    private static NewsItem fromJson(JsonNode node) {
        Set<InstrumentId> symbols = new TreeSet<>();
        node.path("symbols").forEach(s -> symbols.add(InstrumentId.of(s.asText())));
        return NewsItem.of(node.path("id").asText(), Instant.parse(node.path("published").asText()),
                node.path("source").asText(), node.path("title").asText(), node.path("url").asText(), symbols,
                node.path("sentiment").asDouble());
    }
}
