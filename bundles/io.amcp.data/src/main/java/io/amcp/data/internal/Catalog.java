package io.amcp.data.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.amcp.api.model.InstrumentId;
import io.amcp.data.PartitionInfo;
import io.amcp.datasource.file.BarSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store's table of contents, kept in {@code catalog.json} at the store root: per dataset its bar
 * size, its partition files (symbol, year, rows, time range, size, SHA-256) and the latest quality
 * report. The file is replaced atomically (write a temporary file, then rename), which is the commit
 * point of every ingest: readers only ever see files the catalog lists.
 */
public final class Catalog {

    public static final String FILE = "catalog.json";
    private static final JsonFactory JSON = new JsonFactory();

    /** One dataset's entry. */
    public static final class Dataset {
        public final String id;
        public BarSize barSize;
        public String qualityReport = "";
        public final Map<String, PartitionInfo> partitions = new TreeMap<>();

        Dataset(String id, BarSize barSize) {
            this.id = id;
            this.barSize = barSize;
        }

        /** Key of a partition: symbol and year. */
        public static String key(InstrumentId symbol, int year) {
            return symbol.value() + "\u0000" + year;
        }
    }

    private final Map<String, Dataset> datasets = new TreeMap<>();

    public Map<String, Dataset> datasets() {
        return datasets;
    }

    public Dataset dataset(String id) {
        return datasets.get(id);
    }

    public Dataset create(String id, BarSize barSize) {
        return datasets.computeIfAbsent(id, k -> new Dataset(k, barSize));
    }

    /** A deep copy, so that an ingest can prepare the next catalog without touching the current one. */
    public Catalog copy() {
        Catalog c = new Catalog();
        for (Dataset d : datasets.values()) {
            Dataset e = c.create(d.id, d.barSize);
            e.qualityReport = d.qualityReport;
            e.partitions.putAll(d.partitions);
        }
        return c;
    }

    public static Catalog load(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.exists(file)) {
            return new Catalog();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a catalog in the {@code catalog.json} format from {@code in}.
     *
     * @param source names the stream in error messages (a file or an object key)
     */
    public static Catalog read(InputStream in, String source) throws IOException {
        Catalog catalog = new Catalog();
        try (JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, source);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                p.nextToken();
                if (name.equals("datasets")) {
                    expect(p.currentToken(), JsonToken.START_ARRAY, source);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        readDataset(p, catalog, source);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return catalog;
    }

    private static void readDataset(JsonParser p, Catalog catalog, String file) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<PartitionInfo> parts = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.getCurrentName();
            p.nextToken();
            if (name.equals("partitions")) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> f = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.getCurrentName();
                        p.nextToken();
                        f.put(key, p.getText());
                    }
                    parts.add(partition(fields.get("id"), f, file));
                }
            } else {
                fields.put(name, p.getText());
            }
        }
        String id = fields.get("id");
        if (id == null || fields.get("barSize") == null) {
            throw new IllegalArgumentException(file + ": a dataset lacks 'id' or 'barSize'");
        }
        Dataset d = catalog.create(id, BarSize.parse(fields.get("barSize")));
        d.qualityReport = fields.getOrDefault("qualityReport", "");
        for (PartitionInfo part : parts) {
            d.partitions.put(Dataset.key(part.symbol(), part.year()), new PartitionInfo(id, part.symbol(), part.year(),
                    part.file(), part.rows(), part.firstTime(), part.lastTime(), part.bytes(), part.sha256()));
        }
    }

    private static PartitionInfo partition(String dataset, Map<String, String> f, String file) {
        try {
            return new PartitionInfo(dataset == null ? "" : dataset, InstrumentId.of(f.get("symbol")),
                    Integer.parseInt(f.get("year")), f.get("file"), Long.parseLong(f.get("rows")),
                    Long.parseLong(f.get("firstTime")), Long.parseLong(f.get("lastTime")), Long.parseLong(f.get("bytes")),
                    f.get("sha256"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": malformed partition entry " + f + ": " + e.getMessage(), e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String file) {
        if (actual != expected) {
            throw new IllegalArgumentException(file + ": expected " + expected + ", found " + actual);
        }
    }

    /** Writes the catalog to a temporary file and renames it over {@code catalog.json}. */
    public void save(Path root) {
        Path file = root.resolve(FILE);
        Path tmp = root.resolve(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the catalog " + tmp + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the catalog in the {@code catalog.json} format to {@code out} (left open). */
    public void write(OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("datasets");
            for (Dataset d : datasets.values()) {
                g.writeStartObject();
                g.writeStringField("id", d.id);
                g.writeStringField("barSize", d.barSize.label());
                g.writeStringField("qualityReport", d.qualityReport);
                g.writeArrayFieldStart("partitions");
                for (PartitionInfo part : d.partitions.values()) {
                    g.writeStartObject();
                    g.writeStringField("symbol", part.symbol().value());
                    g.writeNumberField("year", part.year());
                    g.writeStringField("file", part.file());
                    g.writeNumberField("rows", part.rows());
                    g.writeNumberField("firstTime", part.firstTime());
                    g.writeNumberField("lastTime", part.lastTime());
                    g.writeNumberField("bytes", part.bytes());
                    g.writeStringField("sha256", part.sha256());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
