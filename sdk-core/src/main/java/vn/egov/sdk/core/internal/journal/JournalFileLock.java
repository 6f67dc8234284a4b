package vn.egov.sdk.core.internal.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import vn.egov.sdk.core.Causes;

/**
 * An exclusive lock on {@code <journal>.lock}, held while a store has the journal open, so that two stores (in
 * this process or another) never write the same journal. The lock file holds the owner's process id; it is deleted
 * on {@link #close()} while still locked, and only a process dying leaves it behind (the operating system releases
 * the lock itself, and the next store reuses the file).
 *
 * <p>Deleting a lock file races with a process that opened it just before: that process then holds a lock on a
 * file no longer at the path, while a third may create and lock a new one. So after locking, the holder makes the
 * file it locked a random length and checks, with a {@code stat} of the path, that the file there has that length;
 * otherwise it lets go and tries again. (It never opens the path a second time: closing any descriptor of a file
 * releases the process' POSIX locks on it. For the same reason a second store of this process on the same journal
 * is refused from an in-process table before any file is opened.)
 */
public final class JournalFileLock implements AutoCloseable {
    private static final int TRIES = 10;
    /**
     * The locked byte: far beyond the token, so that where locks are mandatory (Windows) the token can still be
     * read by others.
     */
    private static final long LOCKED_BYTE = 1L << 30;
    /** The lock files this process holds: checked before opening, so a refused second store closes nothing. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private JournalFileLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a journal.
     *
     * @param journal the journal file
     * @param settings the journal's name in messages and its failures
     * @return the held lock
     * @throws RuntimeException the store's failure if another store (in this process or another) holds it, or
     *         the lock file cannot be created
     */
    public static JournalFileLock acquire(Path journal, JournalSettings settings) {
        Path path = journal.toAbsolutePath().normalize().resolveSibling(journal.getFileName() + ".lock");
        if (!HELD.add(path)) {
            throw settings.fail(settings.what() + " " + journal
                    + " is already open in this process; one store per journal file", false, null);
        }
        try {
            return lock(journal, path, settings);
        } catch (RuntimeException e) {
            HELD.remove(path);
            throw e;
        }
    }

    private static JournalFileLock lock(Path journal, Path path, JournalSettings settings) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < TRIES; i++) {
            FileChannel ch = null;
            try {
                Files.createDirectories(path.getParent());
                ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = ch.tryLock(LOCKED_BYTE, 1, false);
                if (lock == null) {
                    String owner = owner(ch);
                    closeQuietly(ch);
                    throw settings.fail(settings.what() + " " + journal
                            + " is in use by another process" + owner + "; one store per journal file", true, null);
                }
                byte[] token = token(random);
                ch.truncate(0);
                ByteBuffer buf = ByteBuffer.wrap(token);
                while (buf.hasRemaining()) {
                    ch.write(buf, buf.position());
                }
                if (sizeAtPath(path) == token.length) {
                    return new JournalFileLock(path, ch, lock);
                }
                lock.release();
                closeQuietly(ch); // the file we locked was deleted by its previous owner: try again
            } catch (OverlappingFileLockException e) {
                closeQuietly(ch);
                throw settings.fail(settings.what() + " " + journal
                        + " is already open in this process; one store per journal file", false, e);
            } catch (IOException e) {
                closeQuietly(ch);
                throw settings.fail("cannot lock " + settings.what() + " " + journal + " (" + path + "): "
                        + Causes.describeWithType(e),
                        false, e);
            } catch (RuntimeException e) {
                closeQuietly(ch);
                throw e;
            }
        }
        throw settings.fail(settings.what() + " " + journal + ": its lock file " + path
                + " keeps being replaced by other processes", true, null);
    }

    /** Deletes the lock file (still holding the lock, so no other store can be using it) and releases the lock. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover lock file is harmless: the next store reuses it
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
        HELD.remove(path);
    }

    /** {@code <pid> <random>}, padded with spaces to a random length between 64 bytes and 64 KiB. */
    private static byte[] token(ThreadLocalRandom random) {
        byte[] id = (ProcessHandle.current().pid() + " " + Long.toHexString(random.nextLong()) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] token = new byte[64 + random.nextInt(64 * 1024 - 64)];
        Arrays.fill(token, (byte) ' ');
        System.arraycopy(id, 0, token, 0, id.length);
        return token;
    }

    private static long sizeAtPath(Path path) throws IOException {
        try {
            return Files.size(path); // a stat: opens nothing
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    private static String owner(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(64);
            ch.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
            int space = text.indexOf(' ');
            String pid = space > 0 ? text.substring(0, space) : "";
            return pid.chars().allMatch(Character::isDigit) && !pid.isEmpty() ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
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
