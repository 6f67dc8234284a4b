package vn.egov.sdk.signing.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import vn.egov.sdk.signing.DigestAlgorithm;

/** Reads the signed byte ranges of a PDF file in one pass, digesting them; patches the {@code /Contents} hole. */
public final class ByteRanges {
    private static final int BUFFER = 256 * 1024;

    private ByteRanges() {
    }

    /**
     * Digests {@code [offset, offset+length)} for each pair of {@code ranges}, reading each byte once.
     *
     * @param file the PDF
     * @param ranges {@code offset, length} pairs
     * @param digests the digests to update (several when a file is checked against more than one algorithm)
     */
    public static void digest(Path file, long[] ranges, MessageDigest... digests) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            for (int i = 0; i + 1 < ranges.length; i += 2) {
                long pos = ranges[i];
                long end = ranges[i] + ranges[i + 1];
                while (pos < end) {
                    buf.clear();
                    buf.limit((int) Math.min(BUFFER, end - pos));
                    int n = ch.read(buf, pos);
                    if (n < 0) {
                        throw new IOException("the byte range goes past the end of the file");
                    }
                    for (MessageDigest md : digests) {
                        md.update(buf.array(), 0, n);
                    }
                    pos += n;
                }
            }
        }
    }

    /**
     * The digest of the byte ranges of a file.
     *
     * @param file the PDF
     * @param ranges {@code offset, length} pairs
     * @param algorithm the digest algorithm
     * @return the digest of the ranges' bytes, one after the other
     */
    public static byte[] digest(Path file, long[] ranges, DigestAlgorithm algorithm) throws IOException {
        MessageDigest md = algorithm.newMessageDigest();
        digest(file, ranges, md);
        return md.digest();
    }

    /**
     * The bytes of {@code [offset, offset+length)} for each pair of {@code ranges}, one after the other, as a
     * stream read straight from the file (closing it closes the file).
     *
     * @param file the PDF
     * @param ranges {@code offset, length} pairs
     */
    public static InputStream stream(Path file, long[] ranges) throws IOException {
        return new RangesStream(FileChannel.open(file, StandardOpenOption.READ), ranges.clone());
    }

    /** Reads {@code length} bytes at {@code offset} (for small, bounded reads only). */
    public static byte[] read(Path file, long offset, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(length);
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
            return buf.array();
        }
    }

    /** Writes {@code bytes} at {@code offset} in place. */
    public static void write(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf, offset + buf.position());
            }
        }
    }

    /** The ranges of a file as one stream. */
    private static final class RangesStream extends InputStream {
        private final FileChannel channel;
        private final long[] ranges;
        private int index;
        private long position;

        RangesStream(FileChannel channel, long[] ranges) {
            this.channel = channel;
            this.ranges = ranges;
            this.position = ranges.length > 0 ? ranges[0] : 0;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (index + 1 < ranges.length) {
                long end = ranges[index] + ranges[index + 1];
                if (position < end) {
                    int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
                    if (n < 0) {
                        throw new IOException("the byte range goes past the end of the file");
                    }
                    position += n;
                    return n;
                }
                index += 2;
                if (index + 1 < ranges.length) {
                    position = ranges[index];
                }
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
