package vn.egov.sdk.core.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import vn.egov.sdk.core.ValidationException;

/**
 * An input stream that passes bytes through up to a limit and fails with a {@link LimitExceededException} as soon
 * as more are read: how the SDK bounds what it reads from a response body, a signature or a document before it
 * holds or parses it.
 *
 * <p>Closing this stream does not close the stream it reads from: whoever opened that one closes it. Bytes passed
 * over with {@link #skip(long)} are not counted (they are not read into memory). Not thread-safe.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(file)) {
 *     byte[] all = new BoundedInputStream(in, 1 << 20).readAllBytes(); // LimitExceededException past 1 MiB
 * }
 * }</pre>
 */
public final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    /**
     * A stream over {@code in} that allows at most {@code limit} bytes.
     *
     * @param in the stream read (not closed by this one)
     * @param limit the most bytes allowed; zero or more
     * @throws ValidationException if {@code in} is null or {@code limit} is negative
     */
    public BoundedInputStream(InputStream in, long limit) {
        super(ValidationException.requireNonNull(in, "BoundedInputStream.in"));
        if (limit < 0) {
            throw ValidationException.of("io.limit", "BoundedInputStream.limit",
                    "the limit must be zero or more (" + limit + " given)");
        }
        this.limit = limit;
    }

    /**
     * The most bytes this stream lets through.
     *
     * @return the limit, in bytes
     */
    public long limit() {
        return limit;
    }

    /**
     * Reads one byte.
     *
     * @return the byte, or -1 at the end of the stream
     * @throws LimitExceededException if the byte is one more than the limit
     * @throws IOException if the underlying stream fails
     */
    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    /**
     * Reads up to {@code len} bytes.
     *
     * @param b where the bytes go
     * @param off where in {@code b} the first byte goes
     * @param len the most bytes to read
     * @return the number of bytes read, or -1 at the end of the stream
     * @throws LimitExceededException if the bytes read so far are more than the limit
     * @throws IOException if the underlying stream fails
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    /** Does not close the underlying stream: its owner does. */
    @Override
    public void close() {
        // the caller owns the underlying stream
    }

    private void count(int n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            throw new LimitExceededException(limit);
        }
    }

    /** More bytes were read than the limit allows. */
    public static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        /** The limit that was exceeded, in bytes. */
        private final long limit;

        /** @param limit the limit that was exceeded, in bytes */
        LimitExceededException(long limit) {
            super("the input is larger than " + limit + " bytes");
            this.limit = limit;
        }

        /**
         * The limit that was exceeded.
         *
         * @return the limit, in bytes
         */
        public long limit() {
            return limit;
        }
    }
}
