package vn.egov.sdk.signing.xml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A document made on the fly, never held whole: a prefix, a pattern repeated {@code times} times, a suffix. Lets
 * tests feed hundreds of megabytes to a reader in a small heap.
 */
final class GeneratedStream extends InputStream {
    private final byte[] prefix;
    private final byte[] pattern;
    private final byte[] suffix;
    private final long total;
    private long pos;

    GeneratedStream(String prefix, String pattern, long times, String suffix) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.pattern = pattern.getBytes(StandardCharsets.UTF_8);
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
        this.total = this.prefix.length + this.pattern.length * times + this.suffix.length;
    }

    /** The bytes the stream holds in all. */
    long length() {
        return total;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= total) {
            return -1;
        }
        int n = (int) Math.min(len, total - pos);
        long repeatedEnd = total - suffix.length;
        for (int i = 0; i < n; i++, pos++) {
            if (pos < prefix.length) {
                b[off + i] = prefix[(int) pos];
            } else if (pos < repeatedEnd) {
                b[off + i] = pattern[(int) ((pos - prefix.length) % pattern.length)];
            } else {
                b[off + i] = suffix[(int) (pos - repeatedEnd)];
            }
        }
        return n;
    }
}
