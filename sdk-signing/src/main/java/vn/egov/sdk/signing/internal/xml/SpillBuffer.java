package vn.egov.sdk.signing.internal.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import vn.egov.sdk.core.Causes;

/**
 * The bytes of {@link ExcludedText}'s segments, appended one after the other: kept in memory up to a limit, then in
 * a temporary file (owner-only permissions where the file system has them) that {@link #close} deletes (and, as a
 * safety net, a cleaner when the buffer becomes unreachable). A range is read back in canonical XML text form:
 * {@code &}, {@code <}, {@code >} and carriage return as {@code &amp;}, {@code &lt;}, {@code &gt;} and
 * {@code &#xD;}. Not thread-safe while being written; reading back and closing are synchronized.
 */
final class SpillBuffer {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final byte[] AMP = "&amp;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LT = "&lt;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GT = "&gt;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CR = "&#xD;".getBytes(StandardCharsets.US_ASCII);
    /** The bytes canonical XML escapes in text; none of them occurs inside a multi-byte UTF-8 sequence. */
    private static final boolean[] ESCAPED = new boolean[256];

    static {
        ESCAPED['&'] = true;
        ESCAPED['<'] = true;
        ESCAPED['>'] = true;
        ESCAPED['\r'] = true;
    }

    private final Path tempDirectory;
    private final int inMemoryBytes;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private byte[] memory = new byte[0];
    private int memoryLength;
    private long size;
    private Storage file;
    private Cleaner.Cleanable cleanable;

    /**
     * @param tempDirectory where the temporary file goes when one is needed; {@code null} for the JVM's default
     * @param inMemoryBytes the bytes kept in memory before they move to the temporary file
     */
    SpillBuffer(Path tempDirectory, int inMemoryBytes) {
        this.tempDirectory = tempDirectory;
        this.inMemoryBytes = inMemoryBytes;
    }

    /** The bytes appended. */
    long size() {
        return size;
    }

    /** Appends a byte. */
    void write(byte b) {
        if (pos == buffer.length) {
            drain();
        }
        buffer[pos++] = b;
        size++;
    }

    /**
     * Writes the bytes from {@code from} to {@code to} to {@code out} in canonical form.
     *
     * @throws IOException if {@code out} fails
     * @throws UncheckedIOException if the temporary file cannot be read back
     */
    synchronized void copy(long from, long to, OutputStream out) throws IOException {
        drain();
        if (file == null) {
            escape(memory, (int) from, (int) (to - from), out);
            return;
        }
        ByteBuffer read = ByteBuffer.allocate((int) Math.min(1 << 16, Math.max(1, to - from)));
        long position = from;
        while (position < to) {
            read.clear();
            read.limit((int) Math.min(read.capacity(), to - position));
            int n;
            try {
                n = file.channel.read(read, position);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read attachment text back from its temporary file: "
                        + Causes.describe(e), e);
            }
            if (n < 0) {
                throw new UncheckedIOException(new IOException("the temporary file of attachment text is shorter "
                        + "than written"));
            }
            escape(read.array(), 0, n, out);
            position += n;
        }
    }

    /** Deletes the temporary file, if any, and forgets every byte. */
    synchronized void close() {
        if (cleanable != null) {
            cleanable.clean();
        }
        file = null;
        memory = new byte[0];
        memoryLength = 0;
        pos = 0;
        size = 0;
    }

    /** Moves the buffer to memory or, past the in-memory limit, to the temporary file. */
    private void drain() {
        if (pos == 0) {
            return;
        }
        try {
            if (file == null && memoryLength + pos <= inMemoryBytes) {
                if (memoryLength + pos > memory.length) {
                    memory = Arrays.copyOf(memory, Math.min(inMemoryBytes, Math.max(memory.length * 2,
                            memoryLength + pos)));
                }
                System.arraycopy(buffer, 0, memory, memoryLength, pos);
                memoryLength += pos;
            } else {
                if (file == null) {
                    toFile();
                }
                file.write(buffer, 0, pos);
            }
            pos = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep attachment text in a temporary file: " + Causes.describe(e), e);
        }
    }

    private void toFile() throws IOException {
        Path path = tempDirectory == null ? Files.createTempFile("egov-xmldsig-", ".txt")
                : Files.createTempFile(tempDirectory, "egov-xmldsig-", ".txt");
        Storage created = new Storage(path);
        cleanable = CLEANER.register(this, created);
        file = created;
        file.write(memory, 0, memoryLength);
        memory = null;
    }

    /** Writes UTF-8 text in canonical form: runs as they are, the four bytes canonical XML escapes escaped. */
    private static void escape(byte[] b, int off, int len, OutputStream out) throws IOException {
        int run = off;
        for (int i = off, end = off + len; i < end; i++) {
            if (ESCAPED[b[i] & 0xFF]) {
                out.write(b, run, i - run);
                out.write(switch (b[i]) {
                    case '&' -> AMP;
                    case '<' -> LT;
                    case '>' -> GT;
                    default -> CR;
                });
                run = i + 1;
            }
        }
        out.write(b, run, off + len - run);
    }

    /**
     * The temporary file, open for writing at its end and for reading anywhere. Closing and deleting it is also the
     * cleaner's action, so it must not refer to the {@link SpillBuffer}.
     */
    private static final class Storage implements Runnable {
        private final Path path;
        private final FileChannel channel;

        Storage(Path path) throws IOException {
            this.path = path;
            this.channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }

        void write(byte[] bytes, int off, int len) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes, off, len);
            while (b.hasRemaining()) {
                channel.write(b, channel.size());
            }
        }

        @Override
        public void run() {
            try {
                channel.close();
            } catch (IOException e) {
                // deleting is what matters
            }
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // left for the operating system's temporary-file cleanup
            }
        }
    }
}
