package vn.egov.sdk.signing.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most a limit of bytes; one more is an {@link TooLargeException}. */
public final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    /**
     * @param in the stream (not closed by this one)
     * @param limit the most bytes allowed
     */
    public BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public void close() {
        // the caller owns the underlying stream
    }

    private void add(int n) throws TooLargeException {
        count += n;
        if (count > limit) {
            throw new TooLargeException(limit);
        }
    }

    /** The input exceeded the limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the input is larger than " + limit + " bytes");
        }
    }
}
