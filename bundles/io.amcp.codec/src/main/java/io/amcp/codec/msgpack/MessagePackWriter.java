package io.amcp.codec.msgpack;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Writes MessagePack values one after the other into a growing buffer, always in the smallest
 * format the specification allows for the value (positive fixint before uint8, fixstr before str8,
 * and so on). Containers are written as a header with the element count followed by the elements
 * ({@link #mapHeader(int)} then key, value, key, value...), or in one call from a tree with
 * {@link #value(Object)}. Not thread-safe.
 */
public final class MessagePackWriter {

    /** Timestamp extension type (spec: "Timestamp extension type"). */
    static final byte TIMESTAMP_TYPE = -1;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long UINT32_LIMIT = 1L << 32;
    private static final long TIMESTAMP64_SECONDS_LIMIT = 1L << 34;
    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private byte[] buffer;
    private int size;

    /** A writer with a small initial buffer. */
    public MessagePackWriter() {
        this(256);
    }

    /** A writer whose buffer starts with {@code capacity} bytes. */
    public MessagePackWriter(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be positive, was " + capacity);
        }
        buffer = new byte[capacity];
    }

    /** nil (0xc0). */
    public MessagePackWriter nil() {
        return put(0xc0);
    }

    /** false (0xc2) or true (0xc3). */
    public MessagePackWriter bool(boolean value) {
        return put(value ? 0xc3 : 0xc2);
    }

    /**
     * A signed integer: positive fixint, uint8/16/32/64 for other non-negative values, negative
     * fixint, int8/16/32/64 for other negative values.
     */
    public MessagePackWriter integer(long value) {
        if (value >= 0) {
            if (value < 128) {
                return put((int) value);
            } else if (value < 256) {
                return put(0xcc).put((int) value);
            } else if (value < 65536) {
                return put(0xcd).putShort((int) value);
            } else if (value < UINT32_LIMIT) {
                return put(0xce).putInt((int) value);
            }
            return put(0xcf).putLong(value);
        }
        if (value >= -32) {
            return put((int) value & 0xff);
        } else if (value >= Byte.MIN_VALUE) {
            return put(0xd0).put((int) value & 0xff);
        } else if (value >= Short.MIN_VALUE) {
            return put(0xd1).putShort((int) value);
        } else if (value >= Integer.MIN_VALUE) {
            return put(0xd2).putInt((int) value);
        }
        return put(0xd3).putLong(value);
    }

    /** An integer in -2^63..2^64-1 (uint64 above {@link Long#MAX_VALUE}). */
    public MessagePackWriter integer(BigInteger value) {
        if (value.bitLength() < 64) {
            return integer(value.longValue());
        }
        if (value.signum() < 0 || value.compareTo(UINT64_LIMIT) >= 0) {
            throw new IllegalArgumentException("integer: " + value + " is outside -2^63..2^64-1");
        }
        return put(0xcf).putLong(value.longValue());
    }

    /** float 32 (0xca). */
    public MessagePackWriter float32(float value) {
        return put(0xca).putInt(Float.floatToIntBits(value));
    }

    /** float 64 (0xcb). */
    public MessagePackWriter float64(double value) {
        return put(0xcb).putLong(Double.doubleToLongBits(value));
    }

    /** A UTF-8 string: fixstr, str8, str16 or str32 by its length in bytes. */
    public MessagePackWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int n = utf8.length;
        if (n < 32) {
            put(0xa0 | n);
        } else if (n < 256) {
            put(0xd9).put(n);
        } else if (n < 65536) {
            put(0xda).putShort(n);
        } else {
            put(0xdb).putInt(n);
        }
        return putBytes(utf8);
    }

    /** A byte array: bin8, bin16 or bin32 by its length. */
    public MessagePackWriter binary(byte[] value) {
        int n = value.length;
        if (n < 256) {
            put(0xc4).put(n);
        } else if (n < 65536) {
            put(0xc5).putShort(n);
        } else {
            put(0xc6).putInt(n);
        }
        return putBytes(value);
    }

    /** The header of an array of {@code count} elements: fixarray, array16 or array32. */
    public MessagePackWriter arrayHeader(int count) {
        requireCount("arrayHeader", count);
        if (count < 16) {
            return put(0x90 | count);
        } else if (count < 65536) {
            return put(0xdc).putShort(count);
        }
        return put(0xdd).putInt(count);
    }

    /** The header of a map of {@code count} key-value pairs: fixmap, map16 or map32. */
    public MessagePackWriter mapHeader(int count) {
        requireCount("mapHeader", count);
        if (count < 16) {
            return put(0x80 | count);
        } else if (count < 65536) {
            return put(0xde).putShort(count);
        }
        return put(0xdf).putInt(count);
    }

    /** An extension value: fixext 1/2/4/8/16 when the payload has that size, else ext8/16/32. */
    public MessagePackWriter extension(int type, byte[] data) {
        if (type < Byte.MIN_VALUE || type > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("extension type: must be in -128..127, was " + type);
        }
        extensionHeader(type, data.length);
        return putBytes(data);
    }

    /**
     * A point in time as the timestamp extension type -1, in the smallest of the specification's
     * three layouts: timestamp 32 (whole seconds in 0..2^32-1), timestamp 64 (seconds in 0..2^34-1
     * with nanoseconds) or timestamp 96 (any other instant, negative seconds included).
     */
    public MessagePackWriter timestamp(Instant value) {
        return timestamp(value.getEpochSecond(), value.getNano());
    }

    /**
     * A point in time given as nanoseconds since the epoch (how platform events carry their time),
     * written exactly as {@link #timestamp(Instant)} writes the same instant, without making one.
     */
    public MessagePackWriter timestampNanos(long epochNanos) {
        return timestamp(Math.floorDiv(epochNanos, NANOS_PER_SECOND), (int) Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }

    private MessagePackWriter timestamp(long seconds, int nanos) {
        if (seconds >= 0 && seconds < TIMESTAMP64_SECONDS_LIMIT) {
            if (nanos == 0 && seconds < UINT32_LIMIT) {
                extensionHeader(TIMESTAMP_TYPE, 4);
                return putInt((int) seconds);
            }
            extensionHeader(TIMESTAMP_TYPE, 8);
            return putLong(((long) nanos << 34) | seconds);
        }
        extensionHeader(TIMESTAMP_TYPE, 12);
        return putInt(nanos).putLong(seconds);
    }

    /**
     * A whole tree: {@code null}, {@link Boolean}, integral {@link Number}s ({@link BigInteger} up
     * to 2^64-1), {@link Float} (float 32), {@link Double} and {@link BigDecimal} (float 64, as
     * MessagePack has no decimal type), {@link CharSequence}, {@code byte[]}, {@link Instant}
     * (timestamp), {@link MessagePackExtension}, {@link Map} with string keys, {@link Collection}
     * and {@code Object[]}.
     *
     * @throws IllegalArgumentException for any other type, naming it
     */
    public MessagePackWriter value(Object value) {
        if (value == null) {
            return nil();
        } else if (value instanceof Boolean b) {
            return bool(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return integer(((Number) value).longValue());
        } else if (value instanceof BigInteger i) {
            return integer(i);
        } else if (value instanceof Float f) {
            return float32(f);
        } else if (value instanceof Double || value instanceof BigDecimal) {
            return float64(((Number) value).doubleValue());
        } else if (value instanceof CharSequence s) {
            return string(s.toString());
        } else if (value instanceof byte[] bytes) {
            return binary(bytes);
        } else if (value instanceof Instant t) {
            return timestamp(t);
        } else if (value instanceof MessagePackExtension e) {
            return extension(e.type(), e.data());
        } else if (value instanceof Map<?, ?> map) {
            mapHeader(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof CharSequence key)) {
                    throw new IllegalArgumentException("map key: expected a string, was "
                            + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
                }
                string(key.toString());
                value(entry.getValue());
            }
            return this;
        } else if (value instanceof Collection<?> list) {
            arrayHeader(list.size());
            list.forEach(this::value);
            return this;
        } else if (value instanceof Object[] array) {
            arrayHeader(array.length);
            Arrays.stream(array).forEach(this::value);
            return this;
        }
        throw new IllegalArgumentException("value: no MessagePack form for " + value.getClass().getName());
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** Writes the bytes written so far to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, size);
    }

    /** Forgets what was written, keeping the buffer for the next message. */
    public MessagePackWriter reset() {
        size = 0;
        return this;
    }

    private void extensionHeader(int type, int length) {
        switch (length) {
            case 1 -> put(0xd4);
            case 2 -> put(0xd5);
            case 4 -> put(0xd6);
            case 8 -> put(0xd7);
            case 16 -> put(0xd8);
            default -> {
                if (length < 256) {
                    put(0xc7).put(length);
                } else if (length < 65536) {
                    put(0xc8).putShort(length);
                } else {
                    put(0xc9).putInt(length);
                }
            }
        }
        put(type & 0xff);
    }

    private static void requireCount(String what, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(what + ": count must not be negative, was " + count);
        }
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private MessagePackWriter put(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
        return this;
    }

    private MessagePackWriter putShort(int v) {
        ensure(2);
        buffer[size++] = (byte) (v >>> 8);
        buffer[size++] = (byte) v;
        return this;
    }

    private MessagePackWriter putInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    private MessagePackWriter putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    private MessagePackWriter putBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }
}
