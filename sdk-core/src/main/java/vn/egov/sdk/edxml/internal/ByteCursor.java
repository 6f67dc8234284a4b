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

    private static final int SIZE = 256 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[SIZE];
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
        if (len - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
        while (len < n) {
            int r = in.read(buf, len, buf.length - len);
            if (r < 0) {
                return false;
            }
            len += r;
        }
        return true;
    }
}
