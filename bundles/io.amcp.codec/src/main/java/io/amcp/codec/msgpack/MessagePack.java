package io.amcp.codec.msgpack;

/**
 * One-call MessagePack: a tree to bytes and back (see {@link MessagePackWriter#value(Object)} and
 * {@link MessagePackReader} for the types on each side).
 */
public final class MessagePack {

    private MessagePack() {
    }

    /** The tree as one MessagePack value. */
    public static byte[] encode(Object tree) {
        return new MessagePackWriter().value(tree).toByteArray();
    }

    /**
     * Exactly one MessagePack value as a tree.
     *
     * @throws MessagePackException for empty, invalid or truncated input, or bytes after the value
     */
    public static Object decode(byte[] bytes) {
        MessagePackReader reader = new MessagePackReader(bytes);
        Object value = reader.next();
        if (reader.hasNext()) {
            throw new MessagePackException((bytes.length - reader.offset()) + " bytes after the value", reader.offset());
        }
        return value;
    }
}
