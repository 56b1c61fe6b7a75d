/**
 * MessagePack (https://github.com/msgpack/msgpack/blob/master/spec.md) without a third-party
 * library: {@link io.amcp.codec.msgpack.MessagePackWriter} writes values one by one (or whole
 * trees), {@link io.amcp.codec.msgpack.MessagePackReader} reads them back into the tree shapes the
 * JSON side uses (maps with string keys, lists, strings, numbers, booleans, null), plus
 * {@code byte[]} for bin, {@link java.time.Instant} for the timestamp extension type -1 and
 * {@link io.amcp.codec.msgpack.MessagePackExtension} for other extension types.
 */
package io.amcp.codec.msgpack;
