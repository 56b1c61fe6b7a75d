package io.amcp.ai.models.registry;

import io.amcp.ai.models.ModelCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Model versions stored as files: {@code <root>/<name>/<version>/model.bin} (the model bytes),
 * {@code metadata.json} ({@link ModelVersion}) and optionally {@code card.html}; {@code <root>/<name>/promoted}
 * holds the number of the version in production, if one was promoted. A version is
 * written into a temporary folder and renamed into place, so readers never see half a version; the
 * SHA-256 in the metadata is checked when the bytes are read. Thread-safe for registrations through
 * one registry object; several processes registering the same name at once are not supported.
 */
public final class ModelRegistry {

    static final String MODEL_FILE = "model.bin";
    static final String METADATA_FILE = "metadata.json";
    static final String CARD_FILE = "card.html";
    static final String PROMOTED_FILE = "promoted";

    private final Path root;

    /** A registry under {@code root} (created when missing). */
    public ModelRegistry(Path root) {
        this.root = Objects.requireNonNull(root, "root");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("root: cannot create " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Stores model bytes as the next version of {@code name}.
     *
     * @param trainedAt ISO-8601 instant of the end of training
     * @return the stored version's metadata
     */
    public synchronized ModelVersion register(String name, String kind, byte[] bytes, Map<String, String> parameters,
            DataRange data, Map<String, Double> metrics, List<String> features, String trainedAt) {
        ModelVersion.checkName(name);
        Objects.requireNonNull(bytes, "bytes");
        int version = versions(name).stream().mapToInt(ModelVersion::version).max().orElse(0) + 1;
        ModelVersion meta = new ModelVersion(name, version, kind, ModelCodec.magic(bytes), parameters, data, metrics,
                features, trainedAt, sha256(bytes));
        write(meta, bytes, "register");
        return meta;
    }

    /**
     * Stores a version under the number its metadata carries, as fetched from another store (see
     * {@link ObjectStoreModelStore}). Nothing is written when that version is already here with the
     * same SHA-256.
     *
     * @throws IllegalArgumentException naming {@code bytes} when they do not match the metadata's
     *                                  SHA-256, or naming {@code meta} when the version is already
     *                                  here with other bytes
     */
    public void install(ModelVersion meta, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        install(meta, HashedBytes.of(bytes));
    }

    /** As {@link #install(ModelVersion, byte[])}, with the SHA-256 the bytes were hashed to as they arrived. */
    synchronized void install(ModelVersion meta, HashedBytes model) {
        Objects.requireNonNull(meta, "meta");
        if (!model.sha256().equals(meta.sha256())) {
            throw new IllegalArgumentException("bytes: " + meta.name() + " version " + meta.version()
                    + " do not match the SHA-256 of their metadata");
        }
        Path target = directory(meta.name(), meta.version());
        if (Files.isDirectory(target)) {
            if (!version(meta.name(), meta.version()).sha256().equals(meta.sha256())) {
                throw new IllegalArgumentException("meta: " + meta.name() + " version " + meta.version()
                        + " is already registered here with other model bytes");
            }
            return;
        }
        write(meta, model.bytes(), "install");
    }

    /**
     * The one write path of a version: its files go into a temporary folder beside the version's,
     * which is then renamed into place, so readers never see half a version.
     *
     * @param action what the caller does, for the error message
     */
    private void write(ModelVersion meta, byte[] bytes, String action) {
        Path target = directory(meta.name(), meta.version());
        Path tmp = target.resolveSibling("." + meta.version() + ".tmp");
        try {
            Files.createDirectories(tmp);
            Files.write(tmp.resolve(MODEL_FILE), bytes);
            Files.writeString(tmp.resolve(METADATA_FILE), MetadataJson.write(meta), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + action + " " + meta.name() + " version " + meta.version() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Marks a registered version as the one in production (replacing any earlier promotion).
     *
     * @throws IllegalArgumentException naming {@code version} when it is not registered
     */
    public synchronized void promote(String name, int version) {
        version(name, version);
        Path file = root.resolve(name).resolve(PROMOTED_FILE);
        Path tmp = root.resolve(name).resolve("." + PROMOTED_FILE + ".tmp");
        try {
            Files.writeString(tmp, Integer.toString(version), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot promote " + name + " version " + version + ": " + e.getMessage(), e);
        }
    }

    /** The promoted version of {@code name}, if one was promoted. */
    public Optional<ModelVersion> promoted(String name) {
        Path file = root.resolve(ModelVersion.checkName(name)).resolve(PROMOTED_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(version(name, Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim())));
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(file + ": not a version number: " + e.getMessage(), e);
        }
    }

    /** Writes the model card of a registered version. */
    public void writeCard(String name, int version, String html) {
        Path file = directory(name, version).resolve(CARD_FILE);
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The folder of a version. */
    public Path directory(String name, int version) {
        ModelVersion.checkName(name);
        return root.resolve(name).resolve(Integer.toString(version));
    }

    /** Registered model names, sorted. */
    public List<String> names() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The versions of {@code name}, oldest first (empty when none). */
    public List<ModelVersion> versions(String name) {
        Path dir = root.resolve(ModelVersion.checkName(name));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<ModelVersion> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(dir)) {
            for (Path v : dirs.filter(p -> p.getFileName().toString().matches("[1-9][0-9]*")).toList()) {
                out.add(MetadataJson.read(Files.readString(v.resolve(METADATA_FILE), StandardCharsets.UTF_8),
                        v.resolve(METADATA_FILE).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return out;
    }

    /** The newest version of {@code name}. */
    public Optional<ModelVersion> latest(String name) {
        List<ModelVersion> all = versions(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** One version's metadata. */
    public ModelVersion version(String name, int version) {
        return versions(name).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("version: " + name + " has no version " + version));
    }

    /**
     * The model bytes of a version, checked against the SHA-256 in its metadata.
     *
     * @throws IllegalStateException when the bytes do not match their recorded digest
     */
    public byte[] bytes(String name, int version) {
        ModelVersion meta = version(name, version);
        try {
            byte[] bytes = Files.readAllBytes(directory(name, version).resolve(MODEL_FILE));
            if (!sha256(bytes).equals(meta.sha256())) {
                throw new IllegalStateException(name + " version " + version + ": model bytes do not match their SHA-256");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return HashedBytes.of(bytes).sha256();
    }
}
