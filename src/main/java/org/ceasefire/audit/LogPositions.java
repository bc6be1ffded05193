package org.ceasefire.audit;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where each statement handed to the private broker sits in the real log, in a file on disk: the
 * n-th entry is the statement at offset n of the private statements topic. A dead letter names its
 * private offset, and this turns it back into the partition and offset an auditor can look up,
 * without a position per statement on the heap.
 */
final class LogPositions implements AutoCloseable {
    private static final int ENTRY_BYTES = Integer.BYTES + Long.BYTES;

    /** A position in the real statements log. */
    record Position(int partition, long offset) {
    }

    private final Path file;
    private final DataOutputStream out;
    private FileChannel reader;
    private long count;

    LogPositions() {
        try {
            file = Files.createTempFile("ceasefire-replay-positions-", ".bin");
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the replay's file of log positions", e);
        }
    }

    /** Appends the position of the next statement handed to the private broker. */
    void append(int partition, long offset) {
        try {
            out.writeInt(partition);
            out.writeLong(offset);
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + file, e);
        }
    }

    long size() {
        return count;
    }

    /** The real position of the statement at {@code index} of the private topic. */
    Position at(long index) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("No statement " + index + " was replayed (" + count + " were)");
        }
        try {
            out.flush();
            if (reader == null) {
                reader = FileChannel.open(file, StandardOpenOption.READ);
            }
            ByteBuffer entry = ByteBuffer.allocate(ENTRY_BYTES);
            while (entry.hasRemaining()) {
                if (reader.read(entry, index * ENTRY_BYTES + entry.position()) < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
            entry.flip();
            return new Position(entry.getInt(), entry.getLong());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            if (reader != null) {
                reader.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
