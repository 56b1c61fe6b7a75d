package io.amcp.codec.msgpack;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An extension value of an application-defined type (0..127) or a predefined type other than the
 * timestamp (-1, read as {@link java.time.Instant}).
 *
 * @param type the extension type, -128..127
 * @param data the payload (copied)
 */
public record MessagePackExtension(byte type, byte[] data) {

    public MessagePackExtension {
        data = data.clone();
    }

    /** An extension value; {@code data} is copied. */
    public static MessagePackExtension of(int type, byte[] data) {
        if (type < Byte.MIN_VALUE || type > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("type: must be in -128..127, was " + type);
        }
        return new MessagePackExtension((byte) type, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessagePackExtension e && e.type == type && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "MessagePackExtension[type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
