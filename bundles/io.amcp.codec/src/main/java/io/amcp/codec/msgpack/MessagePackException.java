package io.amcp.codec.msgpack;

/**
 * Input that is not valid MessagePack, or that ends before its last value does. The message and
 * {@link #offset()} name the byte offset of the value at fault.
 */
public final class MessagePackException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /**
     * @param problem what is wrong, without the offset
     * @param offset  byte offset (from the start of the input) of the value at fault
     */
    public MessagePackException(String problem, int offset) {
        super("msgpack: " + problem + " at offset " + offset);
        this.offset = offset;
    }

    /** Byte offset, from the start of the input, of the value at fault. */
    public int offset() {
        return offset;
    }
}
