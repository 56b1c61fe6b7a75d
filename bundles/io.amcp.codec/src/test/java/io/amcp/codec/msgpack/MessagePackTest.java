package io.amcp.codec.msgpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Byte sequences written out by hand from the format table of the MessagePack specification
 * (https://github.com/msgpack/msgpack/blob/master/spec.md), round trips at every format boundary,
 * and the errors for invalid or truncated input.
 */
class MessagePackTest {

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static String hexOf(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    private static String encoded(Object value) {
        return hexOf(MessagePack.encode(value));
    }

    @Test
    void theSpecificationsIntroductoryExample() {
        // msgpack.org: {"compact":true,"schema":0} is 18 bytes: fixmap 2, fixstr 7 "compact", true,
        // fixstr 6 "schema", positive fixint 0
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("compact", true);
        m.put("schema", 0);
        assertThat(encoded(m)).isEqualTo("82 a7 63 6f 6d 70 61 63 74 c3 a6 73 63 68 65 6d 61 00");
        assertThat(MessagePack.decode(hex("82 a7 63 6f 6d 70 61 63 74 c3 a6 73 63 68 65 6d 61 00")))
                .isEqualTo(Map.of("compact", true, "schema", 0L));
    }

    @Test
    void integersTakeTheSmallestFormat() {
        assertThat(encoded(0)).isEqualTo("00");
        assertThat(encoded(127)).isEqualTo("7f"); // positive fixint 0xxxxxxx
        assertThat(encoded(128)).isEqualTo("cc 80"); // uint 8
        assertThat(encoded(255)).isEqualTo("cc ff");
        assertThat(encoded(256)).isEqualTo("cd 01 00"); // uint 16
        assertThat(encoded(65535)).isEqualTo("cd ff ff");
        assertThat(encoded(70000)).isEqualTo("ce 00 01 11 70"); // uint 32: 70000 = 0x11170
        assertThat(encoded(4294967295L)).isEqualTo("ce ff ff ff ff");
        assertThat(encoded(4294967296L)).isEqualTo("cf 00 00 00 01 00 00 00 00"); // uint 64
        assertThat(encoded(-1)).isEqualTo("ff"); // negative fixint 111xxxxx
        assertThat(encoded(-32)).isEqualTo("e0");
        assertThat(encoded(-33)).isEqualTo("d0 df"); // int 8
        assertThat(encoded(-128)).isEqualTo("d0 80");
        assertThat(encoded(-129)).isEqualTo("d1 ff 7f"); // int 16
        assertThat(encoded(-32769)).isEqualTo("d2 ff ff 7f ff"); // int 32
        assertThat(encoded(-2147483649L)).isEqualTo("d3 ff ff ff ff 7f ff ff ff"); // int 64
        assertThat(encoded(Long.MIN_VALUE)).isEqualTo("d3 80 00 00 00 00 00 00 00");
        assertThat(encoded(new BigInteger("18446744073709551615"))).isEqualTo("cf ff ff ff ff ff ff ff ff");
    }

    @Test
    void everyIntegerFormatReadsBack() {
        assertThat(MessagePack.decode(hex("cc 80"))).isEqualTo(128L);
        assertThat(MessagePack.decode(hex("cd 01 2c"))).isEqualTo(300L);
        assertThat(MessagePack.decode(hex("ce 00 01 11 70"))).isEqualTo(70000L);
        assertThat(MessagePack.decode(hex("ce ff ff ff ff"))).isEqualTo(4294967295L);
        assertThat(MessagePack.decode(hex("cf 7f ff ff ff ff ff ff ff"))).isEqualTo(Long.MAX_VALUE);
        // uint 64 above 2^63-1 does not fit a long
        assertThat(MessagePack.decode(hex("cf ff ff ff ff ff ff ff ff")))
                .isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(MessagePack.decode(hex("cf 80 00 00 00 00 00 00 00")))
                .isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(MessagePack.decode(hex("e0"))).isEqualTo(-32L);
        assertThat(MessagePack.decode(hex("d0 80"))).isEqualTo(-128L);
        assertThat(MessagePack.decode(hex("d1 80 00"))).isEqualTo(-32768L);
        assertThat(MessagePack.decode(hex("d2 80 00 00 00"))).isEqualTo((long) Integer.MIN_VALUE);
        assertThat(MessagePack.decode(hex("d3 ff ff ff ff ff ff ff fe"))).isEqualTo(-2L);
        // a signed format may hold a positive value
        assertThat(MessagePack.decode(hex("d0 05"))).isEqualTo(5L);
    }

    @Test
    void floatsNilBooleansAndBinary() {
        // 1.5 = 0x3FF8000000000000 (IEEE 754 double), 0x3FC00000 (single)
        assertThat(encoded(1.5)).isEqualTo("cb 3f f8 00 00 00 00 00 00");
        assertThat(encoded(1.5f)).isEqualTo("ca 3f c0 00 00");
        assertThat(MessagePack.decode(hex("cb 3f f8 00 00 00 00 00 00"))).isEqualTo(1.5);
        assertThat(MessagePack.decode(hex("ca 3f c0 00 00"))).isEqualTo(1.5f);
        // -0.1 = 0xBFB999999999999A
        assertThat(MessagePack.decode(hex("cb bf b9 99 99 99 99 99 9a"))).isEqualTo(-0.1);
        assertThat(encoded(null)).isEqualTo("c0");
        assertThat(encoded(true)).isEqualTo("c3");
        assertThat(encoded(false)).isEqualTo("c2");
        assertThat(MessagePack.decode(hex("c0"))).isNull();
        assertThat(encoded(new byte[] {1, 2, 3})).isEqualTo("c4 03 01 02 03");
        assertThat((byte[]) MessagePack.decode(hex("c4 03 01 02 03"))).containsExactly(1, 2, 3);
        assertThat(hexOf(MessagePack.encode(new byte[256])).substring(0, 8)).isEqualTo("c5 01 00");
        assertThat(hexOf(MessagePack.encode(new byte[65536])).substring(0, 14)).isEqualTo("c6 00 01 00 00");
    }

    @Test
    void stringsByUtf8Length() {
        assertThat(encoded("")).isEqualTo("a0");
        assertThat(encoded("a")).isEqualTo("a1 61");
        // "é" is two UTF-8 bytes c3 a9: the length counts bytes, not characters
        assertThat(encoded("é")).isEqualTo("a2 c3 a9");
        assertThat(encoded("x".repeat(31))).startsWith("bf 78");
        assertThat(encoded("x".repeat(32))).startsWith("d9 20 78"); // str 8
        assertThat(encoded("x".repeat(256))).startsWith("da 01 00 78"); // str 16
        assertThat(encoded("x".repeat(65536))).startsWith("db 00 01 00 00 78"); // str 32
        assertThat(MessagePack.decode(hex("d9 03 41 41 50"))).isEqualTo("AAP");
    }

    @Test
    void arraysAndMapsByCount() {
        assertThat(encoded(List.of(1, "a"))).isEqualTo("92 01 a1 61");
        assertThat(encoded(new Object[] {true})).isEqualTo("91 c3");
        List<Object> sixteen = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sixteen.add(null);
        }
        assertThat(encoded(sixteen)).isEqualTo("dc 00 10" + " c0".repeat(16)); // array 16
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) {
            map.put(Character.toString('a' + i), i);
        }
        assertThat(encoded(map)).startsWith("de 00 10 a1 61 00 a1 62 01"); // map 16
        assertThat(MessagePack.decode(hex("dc 00 02 01 02"))).isEqualTo(List.of(1L, 2L));
        assertThat(MessagePack.decode(hex("dd 00 00 00 01 c2"))).isEqualTo(List.of(false));
        assertThat(MessagePack.decode(hex("de 00 01 a1 6b 07"))).isEqualTo(Map.of("k", 7L));
        assertThat(MessagePack.decode(hex("df 00 00 00 01 a1 6b 90"))).isEqualTo(Map.of("k", List.of()));
        assertThat(new MessagePackWriter().mapHeader(15).arrayHeader(15).toByteArray()).isEqualTo(hex("8f 9f"));
    }

    @Test
    void timestampsInTheirThreeLayouts() {
        // date -u -d 2021-02-22T19:15:00Z +%s = 1614021300 = 0x603402B4: timestamp 32 (fixext 4, type -1)
        assertThat(encoded(Instant.parse("2021-02-22T19:15:00Z"))).isEqualTo("d6 ff 60 34 02 b4");
        assertThat(MessagePack.decode(hex("d6 ff 60 34 02 b4"))).isEqualTo(Instant.parse("2021-02-22T19:15:00Z"));
        // 19:16:00 = 1614021360 = 0x603402F0 s, 335689322 = 0x1402366A ns; timestamp 64 is
        // nanoseconds in the upper 30 bits: 0x1402366A << 2 = 0x5008D9A8, then the 34-bit seconds
        assertThat(encoded(Instant.parse("2021-02-22T19:16:00.335689322Z"))).isEqualTo("d7 ff 50 08 d9 a8 60 34 02 f0");
        assertThat(MessagePack.decode(hex("d7 ff 50 08 d9 a8 60 34 02 f0")))
                .isEqualTo(Instant.parse("2021-02-22T19:16:00.335689322Z"));
        // before 1970: timestamp 96 (ext 8, length 12, type -1): uint32 nanoseconds 500000000 =
        // 0x1DCD6500, int64 seconds -1
        assertThat(encoded(Instant.parse("1969-12-31T23:59:59.5Z")))
                .isEqualTo("c7 0c ff 1d cd 65 00 ff ff ff ff ff ff ff ff");
        assertThat(MessagePack.decode(hex("c7 0c ff 1d cd 65 00 ff ff ff ff ff ff ff ff")))
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.5Z"));
        // 2^34 seconds no longer fits timestamp 64: 0x0000000400000000
        assertThat(encoded(Instant.ofEpochSecond(1L << 34))).isEqualTo("c7 0c ff 00 00 00 00 00 00 00 04 00 00 00 00");
        // 2^32 whole seconds needs timestamp 64
        assertThat(encoded(Instant.ofEpochSecond(1L << 32))).isEqualTo("d7 ff 00 00 00 01 00 00 00 00");
    }

    /** The same bytes as {@code timestampsInTheirThreeLayouts}, written from epoch nanoseconds. */
    @Test
    void timestampsFromEpochNanoseconds() {
        // 1614021300 s, 1614021360 s + 335689322 ns, -1 s + 500000000 ns = -500000000 ns, 2^34 s
        assertThat(hexOf(new MessagePackWriter().timestampNanos(1_614_021_300_000_000_000L).toByteArray()))
                .isEqualTo("d6 ff 60 34 02 b4");
        assertThat(hexOf(new MessagePackWriter().timestampNanos(1_614_021_360_335_689_322L).toByteArray()))
                .isEqualTo("d7 ff 50 08 d9 a8 60 34 02 f0");
        assertThat(hexOf(new MessagePackWriter().timestampNanos(-500_000_000L).toByteArray()))
                .isEqualTo("c7 0c ff 1d cd 65 00 ff ff ff ff ff ff ff ff");
        assertThat(hexOf(new MessagePackWriter().timestampNanos(Long.MIN_VALUE).toByteArray()))
                .isEqualTo(hexOf(new MessagePackWriter().timestamp(Instant.ofEpochSecond(0, Long.MIN_VALUE)).toByteArray()));
    }

    @Test
    void otherExtensionsKeepTheirTypeAndPayload() {
        assertThat(encoded(MessagePackExtension.of(5, new byte[] {0x2a}))).isEqualTo("d4 05 2a");
        assertThat(MessagePack.decode(hex("d5 7f 01 02"))).isEqualTo(MessagePackExtension.of(127, new byte[] {1, 2}));
        assertThat(MessagePack.decode(hex("c7 03 80 01 02 03")))
                .isEqualTo(MessagePackExtension.of(-128, new byte[] {1, 2, 3}));
        assertThat(encoded(MessagePackExtension.of(1, new byte[3]))).isEqualTo("c7 03 01 00 00 00");
        assertThat(encoded(MessagePackExtension.of(1, new byte[16]))).startsWith("d8 01 00");
    }

    @Test
    void treesRoundTripAtEveryFormatBoundary() {
        List<Object> values = new ArrayList<>();
        for (long v : new long[] {0, 127, 128, 255, 256, 65535, 65536, 4294967295L, 4294967296L, Long.MAX_VALUE, -1,
                -32, -33, -128, -129, -32768, -32769, Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, Long.MIN_VALUE}) {
            values.add(v);
        }
        values.add(new BigInteger("18446744073709551615"));
        for (int n : new int[] {0, 31, 32, 255, 256, 65535, 65536}) {
            values.add("€".repeat(n / 3) + "x".repeat(n % 3)); // "€" is three UTF-8 bytes
        }
        for (Instant t : new Instant[] {Instant.EPOCH, Instant.ofEpochSecond(4294967295L),
                Instant.ofEpochSecond(4294967296L), Instant.ofEpochSecond((1L << 34) - 1, 999_999_999),
                Instant.ofEpochSecond(1L << 34), Instant.parse("1900-01-01T00:00:00.000000001Z")}) {
            values.add(t);
        }
        values.add(Double.NaN);
        values.add(Double.NEGATIVE_INFINITY);
        values.add(Float.MIN_VALUE);
        values.add(null);
        values.add(MessagePackExtension.of(42, new byte[300]));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("values", values);
        tree.put("nested", Map.of("deeper", List.of(Map.of("x", true))));
        tree.put("bin", new byte[70000]);
        Object back = MessagePack.decode(MessagePack.encode(tree));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) back;
        assertThat(map.keySet()).containsExactly("values", "nested", "bin");
        assertThat(map.get("values")).isEqualTo(values);
        assertThat(map.get("nested")).isEqualTo(Map.of("deeper", List.of(Map.of("x", true))));
        assertThat((byte[]) map.get("bin")).hasSize(70000);
    }

    @Test
    void aStreamOfValuesReadsOneAfterTheOther() {
        byte[] bytes = new MessagePackWriter().string("auth").integer(-5).arrayHeader(1).nil().toByteArray();
        MessagePackReader reader = new MessagePackReader(bytes);
        assertThat(reader.next()).isEqualTo("auth");
        assertThat(reader.offset()).isEqualTo(5);
        assertThat(reader.next()).isEqualTo(-5L);
        assertThat(reader.next()).isEqualTo(Arrays.asList((Object) null));
        assertThat(reader.hasNext()).isFalse();
    }

    @Test
    void truncatedInputNamesTheOffsetOfTheValue() {
        assertError("", 0, "truncated value");
        assertError("ce 00 01", 0, "truncated uint 32");
        assertError("92 01 cb 3f f8", 2, "truncated float 64");
        assertError("82 a1 61 01 a1", 4, "truncated fixstr of 1 bytes");
        assertError("d9", 0, "truncated str 8");
        // an array claiming 2^32-1 elements is refused before anything is allocated
        assertError("dd ff ff ff ff c0", 0, "truncated array of 4294967295 elements");
        assertError("c6 7f ff ff ff 00", 0, "truncated bin 32 of 2147483647 bytes");
        assertError("d7 ff 00", 0, "truncated fixext 8");
    }

    @Test
    void invalidInputNamesTheOffsetAndTheProblem() {
        assertError("91 c1", 1, "byte 0xc1 is never used");
        assertError("a2 c3 28", 0, "fixstr is not valid UTF-8");
        assertError("82 a1 61 01 02 03", 4, "map key is Long, expected a string");
        assertError("d5 ff 00 00", 0, "timestamp of 2 bytes (expected 4, 8 or 12)");
        // timestamp 64 whose upper 30 bits (nanoseconds) are 2^30-1 = 1073741823
        assertError("d7 ff ff ff ff fc 00 00 00 00", 0, "timestamp nanoseconds 1073741823 exceed 999999999");
        assertError("01 02", 1, "1 bytes after the value");
        assertError("91".repeat(600) + "c0", MessagePackReader.MAX_DEPTH, "nesting deeper than 512");
    }

    @Test
    void unsupportedValuesAreRefusedByType() {
        assertThatThrownBy(() -> MessagePack.encode(new Object())).hasMessage(
                "value: no MessagePack form for java.lang.Object");
        assertThatThrownBy(() -> MessagePack.encode(Map.of(1, 2))).hasMessage(
                "map key: expected a string, was java.lang.Integer");
        assertThatThrownBy(() -> MessagePack.encode(BigInteger.ONE.shiftLeft(64))).hasMessageStartingWith(
                "integer: 18446744073709551616 is outside");
    }

    private static void assertError(String input, int offset, String problem) {
        assertThatThrownBy(() -> MessagePack.decode(hex(input))).isInstanceOf(MessagePackException.class)
                .hasMessageStartingWith("msgpack: " + problem).hasMessageEndingWith(" at offset " + offset)
                .satisfies(e -> assertThat(((MessagePackException) e).offset()).isEqualTo(offset));
    }

    @Test
    void utf8OfTheSpecAndJdkAgree() {
        String text = "Ünïcödé ✓ 𝄞";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] packed = MessagePack.encode(text);
        assertThat(packed[0] & 0xff).isEqualTo(0xa0 | utf8.length);
        assertThat(MessagePack.decode(packed)).isEqualTo(text);
    }
}
