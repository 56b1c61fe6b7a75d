package io.amcp.codec.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values written by the reference Python implementation (msgpack 1.2.3; see
 * src/test/resources/msgpack/README.md) read back and written again byte for byte: the reader
 * understands everything it writes and the writer picks the same (smallest) formats.
 */
class ReferenceVectorsTest {

    private static List<byte[]> vectors() throws IOException {
        try (InputStream in = ReferenceVectorsTest.class.getResourceAsStream("/msgpack/python-msgpack-vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().map(HexFormat.of()::parseHex)
                    .toList();
        }
    }

    @Test
    void everyReferenceValueReadsAndWritesBackIdentically() throws IOException {
        List<byte[]> vectors = vectors();
        assertThat(vectors).hasSize(256);
        for (int i = 0; i < vectors.size(); i++) {
            byte[] reference = vectors.get(i);
            Object tree = MessagePack.decode(reference);
            assertThat(HexFormat.of().formatHex(MessagePack.encode(tree))).as("vector %d", i)
                    .isEqualTo(HexFormat.of().formatHex(reference));
        }
    }

    @Test
    void knownReferenceValues() throws IOException {
        List<byte[]> vectors = vectors();
        // gen_vectors.py: 22 integers, 4 floats, 6 string/binary pairs, one UTF-8 string, then timestamps
        assertThat(MessagePack.decode(vectors.get(11))).hasToString("18446744073709551615");
        assertThat(MessagePack.decode(vectors.get(22))).isEqualTo(1.5);
        assertThat(MessagePack.decode(vectors.get(38))).isEqualTo("é€𝄞");
        assertThat(MessagePack.decode(vectors.get(40))).isEqualTo(Instant.parse("2021-02-22T19:16:00.335689322Z"));
        assertThat(MessagePack.decode(vectors.get(41))).isEqualTo(Instant.parse("1969-12-31T23:59:59.5Z"));
    }
}
