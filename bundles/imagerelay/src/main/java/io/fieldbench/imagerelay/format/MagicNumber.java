package io.fieldbench.imagerelay.format;

import io.netty.buffer.ByteBuf;

/** A format's magic number, looked for at its place in an upload's readable bytes, which are read in place. */
final class MagicNumber {

    private MagicNumber() {
    }

    /** Whether the bytes hold {@code magic} (Latin-1: one char a byte) at {@code offset}. */
    static boolean at(ByteBuf bytes, int offset, String magic) {
        if (bytes.readableBytes() < offset + magic.length()) {
            return false;
        }
        int from = bytes.readerIndex() + offset;
        for (int i = 0; i < magic.length(); i++) {
            if (bytes.getByte(from + i) != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
