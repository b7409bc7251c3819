package io.fieldbench.imagerelay.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** A file's bytes in direct memory from Netty's pool, not on the heap: the caller releases the buffer. */
public final class FileBuffers {

    private FileBuffers() {
    }

    /** The whole file as it is now; one that shrinks while it is read gives what was there. */
    public static ByteBuf read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file.getFileName() + " is " + size + " bytes, more than one buffer holds");
            }
            ByteBuf buffer = ByteBufAllocator.DEFAULT.directBuffer((int) size);
            try {
                while (buffer.isWritable()) {
                    if (buffer.writeBytes(channel, buffer.writerIndex(), buffer.writableBytes()) <= 0) {
                        break; // the file ended early: it shrank
                    }
                }
                return buffer;
            } catch (IOException | RuntimeException e) {
                buffer.release();
                throw e;
            }
        }
    }
}
