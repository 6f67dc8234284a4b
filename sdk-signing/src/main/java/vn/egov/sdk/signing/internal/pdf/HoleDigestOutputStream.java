package vn.egov.sdk.signing.internal.pdf;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes bytes through and digests every byte written outside a hole {@code [holeStart, holeEnd)}: the byte-range
 * digest of a PDF signature computed while the file is written, so the file is not read again.
 */
final class HoleDigestOutputStream extends FilterOutputStream {
    private final MessageDigest digest;
    private long position;
    private long holeStart = Long.MAX_VALUE;
    private long holeEnd = Long.MAX_VALUE;

    HoleDigestOutputStream(OutputStream out, MessageDigest digest) {
        super(out);
        this.digest = digest;
    }

    /** Sets the hole; returns false if bytes were already written past its start (the digest is then unusable). */
    boolean hole(long start, long end) {
        this.holeStart = start;
        this.holeEnd = end;
        return position <= start;
    }

    long position() {
        return position;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        if (position < holeStart || position >= holeEnd) {
            digest.update((byte) b);
        }
        position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        long start = position;
        long end = position + len;
        // part before the hole
        long a = Math.min(end, holeStart);
        if (a > start) {
            digest.update(b, off, (int) (a - start));
        }
        // part after the hole
        long c = Math.max(start, holeEnd);
        if (end > c) {
            digest.update(b, off + (int) (c - start), (int) (end - c));
        }
        position = end;
    }
}
