package vn.egov.sdk.edxml.internal;

import java.io.IOException;
import java.io.InputStream;

/** A forward-only cursor over bytes with a large buffer, single-byte look-ahead and bulk streaming of runs. */
final class ByteCursor {
    /** Receives runs of bytes. */
    @FunctionalInterface
    interface RunConsumer {
        void accept(byte[] bytes, int off, int len);
    }

    /** Offered whole blocks of the buffer; returns whether it consumed the block. */
    @FunctionalInterface
    interface BlockConsumer {
        boolean accept(byte[] bytes, int off);
    }

    private static final int INITIAL = 8 * 1024;

    private final InputStream in;
    private byte[] buf = new byte[INITIAL];
    private int pos;
    private int len;

    ByteCursor(InputStream in) {
        this.in = in;
    }

    /** The next byte without consuming it, or -1 at the end. */
    int peek() throws IOException {
        return ensure(1) ? buf[pos] & 0xff : -1;
    }

    /** The next byte, consumed, or -1 at the end. */
    int next() throws IOException {
        return ensure(1) ? buf[pos++] & 0xff : -1;
    }

    /** Skips n bytes (which the caller has looked at). */
    void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            next();
        }
    }

    /** Whether the next bytes are the ASCII string s (not consumed). */
    boolean startsWith(String s) throws IOException {
        if (!ensure(s.length())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[pos + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Offers the buffered bytes in blocks of {@code size} while the consumer takes them; stops at the first block it
     * declines or when fewer than {@code size} bytes are left before the end of input.
     */
    void offerBlocks(int size, BlockConsumer consumer) throws IOException {
        if (buf.length < size) {
            buf = java.util.Arrays.copyOf(buf, size);
        }
        while (ensure(size, true)) {
            if (!consumer.accept(buf, pos)) {
                return;
            }
            pos += size;
        }
    }

    /** Hands every byte up to (not including) the first {@code stop1} or {@code stop2} to the consumer, in runs. */
    void streamUntil(char stop1, char stop2, RunConsumer consumer) throws IOException {
        while (ensure(1)) {
            int start = pos;
            int i = pos;
            int end = len;
            while (i < end && buf[i] != stop1 && buf[i] != stop2) {
                i++;
            }
            if (i > start) {
                consumer.accept(buf, start, i - start);
            }
            pos = i;
            if (i < end) {
                return;
            }
        }
    }

    private boolean ensure(int n) throws IOException {
        return ensure(n, false);
    }

    /**
     * Makes at least n bytes available; with {@code exactly}, reads no more than that (so the next block starts at
     * the front of the buffer and nothing is moved).
     */
    private boolean ensure(int n, boolean exactly) throws IOException {
        if (len - pos >= n) {
            return true;
        }
        if (n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, n);
        }
        if (buf.length - pos < n) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
        while (len - pos < n) {
            int room = exactly ? pos + n - len : buf.length - len;
            int r = in.read(buf, len, room);
            if (r < 0) {
                return false;
            }
            len += r;
        }
        return true;
    }
}
