package io.amcp.codec.msgpack;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.ByteBuffer;

/**
 * Reads MessagePack values from a byte array into trees: map to {@code Map<String, Object>} (in
 * input order; keys must be strings, as in JSON), array to {@code List<Object>}, str to
 * {@link String}, every integer format to {@link Long} (uint64 above {@link Long#MAX_VALUE} to
 * {@link BigInteger}), float 32 to {@link Float}, float 64 to {@link Double}, bool to
 * {@link Boolean}, nil to {@code null}, bin to {@code byte[]}, the timestamp extension (type -1,
 * all three layouts) to {@link Instant} and other extensions to {@link MessagePackExtension}.
 *
 * <p>Errors are {@link MessagePackException}s naming the offset of the value at fault: a value
 * cut short, the never-used byte 0xc1, invalid UTF-8, a non-string map key, a malformed timestamp,
 * nesting deeper than {@value #MAX_DEPTH}. A length or count larger than the bytes left is
 * reported as truncated before anything is allocated. Not thread-safe.
 */
public final class MessagePackReader {

    /** Deepest nesting of maps and arrays accepted. */
    public static final int MAX_DEPTH = 512;

    private final byte[] data;
    private int position;

    /** Reads {@code data} from its first byte (the array is not copied). */
    public MessagePackReader(byte[] data) {
        this.data = data;
    }

    /** Whether bytes are left to read. */
    public boolean hasNext() {
        return position < data.length;
    }

    /** Offset of the next byte to read. */
    public int offset() {
        return position;
    }

    /** Reads the next value (a whole tree for a map or array). */
    public Object next() {
        return read(0);
    }

    private Object read(int depth) {
        int at = position;
        int b = u8("value", at);
        if (b <= 0x7f) {
            return (long) b;
        } else if (b >= 0xe0) {
            return (long) (byte) b;
        } else if (b <= 0x8f) {
            return map(b & 0x0f, at, depth);
        } else if (b <= 0x9f) {
            return array(b & 0x0f, at, depth);
        } else if (b <= 0xbf) {
            return string(b & 0x1f, at, "fixstr");
        }
        return switch (b) {
            case 0xc0 -> null;
            case 0xc1 -> throw new MessagePackException("byte 0xc1 is never used", at);
            case 0xc2 -> Boolean.FALSE;
            case 0xc3 -> Boolean.TRUE;
            case 0xc4 -> bytes(u8("bin 8", at), at, "bin 8");
            case 0xc5 -> bytes(u16("bin 16", at), at, "bin 16");
            case 0xc6 -> bytes(u32("bin 32", at), at, "bin 32");
            case 0xc7 -> extension(u8("ext 8", at), at, "ext 8");
            case 0xc8 -> extension(u16("ext 16", at), at, "ext 16");
            case 0xc9 -> extension(u32("ext 32", at), at, "ext 32");
            case 0xca -> Float.intBitsToFloat((int) fixed(4, at, "float 32"));
            case 0xcb -> Double.longBitsToDouble(fixed(8, at, "float 64"));
            case 0xcc -> fixed(1, at, "uint 8");
            case 0xcd -> fixed(2, at, "uint 16");
            case 0xce -> fixed(4, at, "uint 32");
            case 0xcf -> uint64(fixed(8, at, "uint 64"));
            case 0xd0 -> (long) (byte) fixed(1, at, "int 8");
            case 0xd1 -> (long) (short) fixed(2, at, "int 16");
            case 0xd2 -> (long) (int) fixed(4, at, "int 32");
            case 0xd3 -> fixed(8, at, "int 64");
            case 0xd4 -> extension(1, at, "fixext 1");
            case 0xd5 -> extension(2, at, "fixext 2");
            case 0xd6 -> extension(4, at, "fixext 4");
            case 0xd7 -> extension(8, at, "fixext 8");
            case 0xd8 -> extension(16, at, "fixext 16");
            case 0xd9 -> string(u8("str 8", at), at, "str 8");
            case 0xda -> string(u16("str 16", at), at, "str 16");
            case 0xdb -> string(u32("str 32", at), at, "str 32");
            case 0xdc -> array(u16("array 16", at), at, depth);
            case 0xdd -> array(u32("array 32", at), at, depth);
            case 0xde -> map(u16("map 16", at), at, depth);
            case 0xdf -> map(u32("map 32", at), at, depth);
            default -> throw new IllegalStateException("unreachable: 0x" + Integer.toHexString(b));
        };
    }

    private static Object uint64(long bits) {
        return bits >= 0 ? (Object) bits : new BigInteger(Long.toUnsignedString(bits));
    }

    private Map<String, Object> map(long count, int at, int depth) {
        enter(depth, at);
        require(count * 2, at, "map of " + count + " entries");
        Map<String, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            int keyAt = position;
            Object key = read(depth + 1);
            if (!(key instanceof String name)) {
                throw new MessagePackException("map key is " + typeName(key) + ", expected a string", keyAt);
            }
            map.put(name, read(depth + 1));
        }
        return map;
    }

    private List<Object> array(long count, int at, int depth) {
        enter(depth, at);
        require(count, at, "array of " + count + " elements");
        List<Object> list = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            list.add(read(depth + 1));
        }
        return list;
    }

    private static void enter(int depth, int at) {
        if (depth >= MAX_DEPTH) {
            throw new MessagePackException("nesting deeper than " + MAX_DEPTH + " maps/arrays", at);
        }
    }

    private String string(long length, int at, String format) {
        require(length, at, format + " of " + length + " bytes");
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, position, (int) length)).toString();
            position += (int) length;
            return s;
        } catch (CharacterCodingException e) {
            throw new MessagePackException(format + " is not valid UTF-8", at);
        }
    }

    private byte[] bytes(long length, int at, String format) {
        require(length, at, format + " of " + length + " bytes");
        byte[] out = Arrays.copyOfRange(data, position, position + (int) length);
        position += (int) length;
        return out;
    }

    private Object extension(long length, int at, String format) {
        int type = (byte) u8(format + " type", at);
        byte[] payload = bytes(length, at, format);
        if (type != MessagePackWriter.TIMESTAMP_TYPE) {
            return new MessagePackExtension((byte) type, payload);
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        long seconds;
        long nanos;
        switch (payload.length) {
            case 4 -> {
                seconds = in.getInt() & 0xffff_ffffL;
                nanos = 0;
            }
            case 8 -> {
                long v = in.getLong();
                nanos = v >>> 34;
                seconds = v & 0x3_ffff_ffffL;
            }
            case 12 -> {
                nanos = in.getInt() & 0xffff_ffffL;
                seconds = in.getLong();
            }
            default -> throw new MessagePackException(
                    "timestamp of " + payload.length + " bytes (expected 4, 8 or 12)", at);
        }
        if (nanos > 999_999_999) {
            throw new MessagePackException("timestamp nanoseconds " + nanos + " exceed 999999999", at);
        }
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw new MessagePackException("timestamp seconds " + seconds + " outside Instant's range", at);
        }
    }

    /** A big-endian unsigned number of {@code width} bytes (8 bytes come back as raw bits). */
    private long fixed(int width, int at, String format) {
        require(width, at, format);
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (data[position++] & 0xff);
        }
        return v;
    }

    private int u8(String format, int at) {
        return (int) fixed(1, at, format);
    }

    private int u16(String format, int at) {
        return (int) fixed(2, at, format);
    }

    private long u32(String format, int at) {
        return fixed(4, at, format);
    }

    private void require(long bytes, int at, String what) {
        long left = data.length - position;
        if (bytes > left) {
            throw new MessagePackException("truncated " + what + ": needs " + bytes + " more bytes, " + left + " left",
                    at);
        }
    }

    private static String typeName(Object value) {
        return value == null ? "nil" : value.getClass().getSimpleName();
    }
}
