package io.amcp.ai.models.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration and installation write a version the same way: one layout, nothing left behind. */
class ModelRegistryTest {

    private static final byte[] BYTES = "AMCPMDL1 model bytes".getBytes(StandardCharsets.US_ASCII);
    /** {@code printf 'AMCPMDL1 model bytes' | sha256sum} */
    private static final String BYTES_SHA256 = "ca1edfcd4474ac70d8d44f79945b216b9ed8e3eba4d2038e3bdebca197f85f44";

    private static ModelVersion register(ModelRegistry registry, byte[] bytes) {
        return registry.register("btc-lr", "logistic-regression", bytes, Map.of("c", "1"),
                DataRange.of("btc-bitstamp", "BTC/USD", 1, 2, 6), Map.of("accuracy", 0.5), List.of("x"),
                "2026-01-01T00:00:00Z");
    }

    private static List<String> files(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void anInstalledVersionIsLaidOutAsTheRegisteredOne(@TempDir Path dir) throws Exception {
        ModelRegistry trainer = new ModelRegistry(dir.resolve("trainer"));
        ModelRegistry server = new ModelRegistry(dir.resolve("server"));
        ModelVersion v1 = register(trainer, BYTES);
        assertThat(v1.sha256()).isEqualTo(BYTES_SHA256);
        assertThat(v1.format()).isEqualTo("AMCPMDL1");

        server.install(v1, BYTES);
        assertThat(files(server.root())).containsExactly("btc-lr", "btc-lr/1", "btc-lr/1/metadata.json",
                "btc-lr/1/model.bin").isEqualTo(files(trainer.root()));
        for (String file : List.of(ModelRegistry.MODEL_FILE, ModelRegistry.METADATA_FILE)) {
            assertThat(Files.mismatch(trainer.directory("btc-lr", 1).resolve(file),
                    server.directory("btc-lr", 1).resolve(file))).isEqualTo(-1L);
        }
        assertThat(server.bytes("btc-lr", 1)).isEqualTo(BYTES);

        // installing it again writes nothing; other bytes, or other metadata for the version, are refused
        server.install(v1, BYTES);
        assertThatThrownBy(() -> server.install(v1, "AMCPMDL1 other bytes".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageStartingWith("bytes:");
        ModelVersion other = register(new ModelRegistry(dir.resolve("elsewhere")), "AMCPMDL1 other".getBytes(
                StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> server.install(other, "AMCPMDL1 other".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageStartingWith("meta:");

        // a registration after an installation takes the next number, written the same way
        assertThat(register(server, BYTES).version()).isEqualTo(2);
        assertThat(files(server.root())).containsExactly("btc-lr", "btc-lr/1", "btc-lr/1/metadata.json",
                "btc-lr/1/model.bin", "btc-lr/2", "btc-lr/2/metadata.json", "btc-lr/2/model.bin");
    }
}
