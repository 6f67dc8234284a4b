package vn.egov.sdk.axis.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <journal>.lock}, held while a store has the journal open, so that two stores (in
 * this process or another) never write the same journal. The operating system releases it when the process
 * dies; the lock file itself is left in place.
 */
public final class CheckpointFileLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private CheckpointFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a journal.
     *
     * @param journal the journal file
     * @return the held lock
     * @throws IllegalStateException if another store holds it
     * @throws UncheckedIOException if the lock file cannot be created
     */
    public static CheckpointFileLock acquire(Path journal) {
        Path path = journal.toAbsolutePath().resolveSibling(journal.getFileName() + ".lock");
        FileChannel ch = null;
        try {
            Files.createDirectories(path.getParent());
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw new IllegalStateException("checkpoint journal " + journal + " is in use by another process");
            }
            return new CheckpointFileLock(ch, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw new IllegalStateException("checkpoint journal " + journal + " is already open in this process", e);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot lock checkpoint journal " + journal, e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
