package vn.egov.sdk.signing.internal.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Text kept out of a DOM (the base64 content of attachments), so that the DOM holds the package's structure and
 * header only. Each run of excluded text is one segment; the DOM holds a short placeholder text node in its place,
 * made of a random token unique to this instance (128 bits from a {@link SecureRandom}, so no document can contain
 * it) and the segment's number.
 *
 * <p>A segment is kept as the UTF-8 of the characters the parser reported (so it never takes more room than the
 * input did) and written out in its canonical form, as exclusive, inclusive and 1.1 canonical XML write a text node:
 * {@code &}, {@code <}, {@code >} and carriage return as {@code &amp;}, {@code &lt;}, {@code &gt;} and
 * {@code &#xD;}. That form is also well-formed XML character data with the same value, so it serves for computing
 * digests and for writing the document out. {@link #substituting} gives a stream that replaces each placeholder in
 * what is written to it with its segment in that form.
 *
 * <p>Segments are kept (by a {@link SpillBuffer}) in memory up to {@value #IN_MEMORY_BYTES} bytes in all, then in
 * a temporary file (owner-only permissions where the file system has them) that {@link #close} deletes (and, as a
 * safety net, a cleaner when the instance becomes unreachable). Not thread-safe while being written; reading
 * segments out is synchronized. The
 * JDK's StAX parser does not split a surrogate pair between two text events, but a pair split between two
 * {@link #append} calls is still encoded whole.
 */
public final class ExcludedText implements AutoCloseable {
    /** Bytes kept in memory before the segments move to a temporary file. */
    static final int IN_MEMORY_BYTES = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int INDEX_DIGITS = 8;

    private final String token;
    private final byte[] tokenBytes;
    private final SpillBuffer bytes;
    private long[] starts = new long[4];
    private long[] ends = new long[4];
    private int segments;
    private boolean open;
    private char pendingHigh;

    /**
     * @param tempDirectory where the temporary file goes when one is needed; {@code null} for the JVM's default
     */
    public ExcludedText(Path tempDirectory) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        this.token = "EXCLUDED" + HexFormat.of().formatHex(random);
        this.tokenBytes = token.getBytes(StandardCharsets.US_ASCII);
        this.bytes = new SpillBuffer(tempDirectory, IN_MEMORY_BYTES);
    }

    /** The number of segments. */
    public int segmentCount() {
        return segments;
    }

    /** The UTF-8 bytes of all segments together (before canonical escaping). */
    public long size() {
        return bytes.size();
    }

    /**
     * Starts a segment.
     *
     * @return the placeholder text to put in the DOM in its place
     */
    public String begin() {
        if (open) {
            throw new IllegalStateException("a segment is already open");
        }
        if (segments == starts.length) {
            starts = Arrays.copyOf(starts, segments * 2);
            ends = Arrays.copyOf(ends, segments * 2);
        }
        starts[segments] = bytes.size();
        open = true;
        return token + String.format("%0" + INDEX_DIGITS + "x", segments);
    }

    /** Appends characters, as a parser reports them, to the open segment. */
    public void append(char[] text, int start, int length) {
        if (!open) {
            throw new IllegalStateException("no segment is open");
        }
        for (int i = start, end = start + length; i < end; i++) {
            char c = text[i];
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(high, c);
                    write((byte) (0xF0 | (cp >> 18)), (byte) (0x80 | ((cp >> 12) & 0x3F)),
                            (byte) (0x80 | ((cp >> 6) & 0x3F)), (byte) (0x80 | (cp & 0x3F)));
                    continue;
                }
                replacement();
            }
            if (c < 0x80) {
                write((byte) c);
            } else if (c < 0x800) {
                write((byte) (0xC0 | (c >> 6)), (byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                replacement();
            } else {
                write((byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    /** Ends the open segment. */
    public void end() {
        if (!open) {
            throw new IllegalStateException("no segment is open");
        }
        if (pendingHigh != 0) {
            pendingHigh = 0;
            replacement();
        }
        ends[segments++] = bytes.size();
        open = false;
    }

    /**
     * A stream that writes what it is given to {@code target}, each placeholder of this instance replaced with its
     * segment. {@link SubstitutingStream#finish()} checks that every segment was written exactly once.
     *
     * @param target where the bytes go (not closed)
     * @return the stream
     */
    public SubstitutingStream substituting(OutputStream target) {
        if (open) {
            throw new IllegalStateException("a segment is still open");
        }
        return new SubstitutingStream(target);
    }

    private void write(byte b) {
        bytes.write(b);
    }

    private void write(byte b1, byte b2) {
        write(b1);
        write(b2);
    }

    private void write(byte b1, byte b2, byte b3) {
        write(b1);
        write(b2);
        write(b3);
    }

    private void write(byte b1, byte b2, byte b3, byte b4) {
        write(b1);
        write(b2);
        write(b3);
        write(b4);
    }

    private void replacement() {
        // a lone surrogate cannot come from a conforming parser; written as U+FFFD, as an encoder would
        write((byte) 0xEF, (byte) 0xBF, (byte) 0xBD);
    }

    /**
     * Writes segment {@code index} to {@code out} in canonical form.
     *
     * @throws IOException if {@code out} fails
     * @throws UncheckedIOException if the temporary file cannot be read back
     */
    private synchronized void copy(int index, OutputStream out) throws IOException {
        bytes.copy(starts[index], ends[index], out);
    }

    /** Deletes the temporary file, if any. The instance cannot be used afterwards. */
    @Override
    public synchronized void close() {
        bytes.close();
        segments = 0;
    }

    /**
     * Writes through, replacing each placeholder of the enclosing {@link ExcludedText} with its segment (a
     * streaming Knuth-Morris-Pratt match on the token, then the segment number). Buffered, without locking: the
     * JDK's canonicaliser writes byte by byte.
     */
    public final class SubstitutingStream extends OutputStream {
        private final OutputStream target;
        private final int[] fallback;
        private final boolean[] used = new boolean[segments];
        private final byte[] pending = new byte[8192];
        private int pendingLength;
        private int matched;
        private int digits = -1;
        private int index;
        private int substituted;

        private SubstitutingStream(OutputStream target) {
            this.target = target;
            this.fallback = new int[tokenBytes.length];
            for (int i = 1, k = 0; i < tokenBytes.length; i++) {
                while (k > 0 && tokenBytes[i] != tokenBytes[k]) {
                    k = fallback[k - 1];
                }
                if (tokenBytes[i] == tokenBytes[k]) {
                    k++;
                }
                fallback[i] = k;
            }
        }

        @Override
        public void write(int b) throws IOException {
            byte v = (byte) b;
            if (matched == 0 && digits < 0 && v != tokenBytes[0]) {
                emit(v);
                return;
            }
            if (digits >= 0) {
                indexDigit(v);
                return;
            }
            while (matched > 0 && tokenBytes[matched] != v) {
                int next = fallback[matched - 1];
                emit(tokenBytes, 0, matched - next);
                matched = next;
            }
            if (tokenBytes[matched] == v) {
                if (++matched == tokenBytes.length) {
                    matched = 0;
                    digits = 0;
                    index = 0;
                }
            } else {
                emit(v);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int plain = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (matched == 0 && digits < 0 && b[i] != tokenBytes[0]) {
                    continue;
                }
                emit(b, plain, i - plain);
                write(b[i]);
                plain = i + 1;
            }
            emit(b, plain, end - plain);
        }

        private void emit(byte b) throws IOException {
            if (pendingLength == pending.length) {
                drainPending();
            }
            pending[pendingLength++] = b;
        }

        private void emit(byte[] b, int off, int len) throws IOException {
            if (len > pending.length - pendingLength) {
                drainPending();
                if (len > pending.length) {
                    target.write(b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, pending, pendingLength, len);
            pendingLength += len;
        }

        private void drainPending() throws IOException {
            if (pendingLength > 0) {
                target.write(pending, 0, pendingLength);
                pendingLength = 0;
            }
        }

        private void indexDigit(byte v) throws IOException {
            int d = Character.digit(v, 16);
            if (d < 0) {
                throw new IOException("a placeholder of excluded text is damaged");
            }
            index = index * 16 + d;
            if (++digits == INDEX_DIGITS) {
                digits = -1;
                if (index < 0 || index >= used.length || used[index]) {
                    throw new IOException("a placeholder of excluded text appears twice or is unknown");
                }
                used[index] = true;
                substituted++;
                drainPending();
                copy(index, target);
            }
        }

        /**
         * Writes out what is pending and checks that every segment was substituted exactly once.
         *
         * @throws IOException if a placeholder is cut short or a segment was not written
         */
        public void finish() throws IOException {
            if (digits >= 0) {
                throw new IOException("a placeholder of excluded text is cut short");
            }
            if (matched > 0) {
                emit(tokenBytes, 0, matched);
                matched = 0;
            }
            drainPending();
            if (substituted != used.length) {
                throw new IOException((used.length - substituted) + " of " + used.length
                        + " excluded text segments did not reach the output");
            }
            target.flush();
        }

        /** Passes on what is pending, except a partly matched placeholder, which is held until it is decided. */
        @Override
        public void flush() throws IOException {
            drainPending();
            target.flush();
        }
    }
}
