package vn.egov.sdk.edxml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachment path keeps up with the JDK's block encoder: writing a package with a 200 MB attachment runs at no
 * less than 0.7x the speed of encoding the same bytes with {@code Base64.Encoder.encode(byte[], byte[])} alone.
 * Best of several runs on each side, after a warm-up, so a noisy machine does not fail it by chance.
 */
class EdXmlWriterPerformanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(EdXmlWriterPerformanceTest.class);
    private static final long SIZE = 200L * 1024 * 1024;
    private static final int RAW_BLOCK = 48 * 1024;
    private static final byte[] PATTERN = new byte[1024 * 1024];

    static {
        new Random(1).nextBytes(PATTERN);
    }

    /** 200 MB made up on the fly from a 1 MiB pattern, so the test needs no 200 MB array. */
    private static final class Synthetic extends AttachmentContent {
        @Override
        public long size() {
            return SIZE;
        }

        @Override
        public InputStream openStream() {
            return new InputStream() {
                private long pos;

                @Override
                public int read() {
                    return pos < SIZE ? PATTERN[(int) (pos++ % PATTERN.length)] & 0xFF : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (pos == SIZE) {
                        return -1;
                    }
                    int at = (int) (pos % PATTERN.length);
                    int n = (int) Math.min(Math.min(len, PATTERN.length - at), SIZE - pos);
                    System.arraycopy(PATTERN, at, b, off, n);
                    pos += n;
                    return n;
                }
            };
        }
    }

    /** Counts bytes and drops them. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** Encoding alone: the same block again and again, nothing read, nothing written. */
    private static long rawEncodeNanos() {
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] src = java.util.Arrays.copyOf(PATTERN, RAW_BLOCK);
        byte[] dst = new byte[RAW_BLOCK / 3 * 4];
        long sink = 0;
        long start = System.nanoTime();
        for (long done = 0; done < SIZE; done += RAW_BLOCK) {
            sink += encoder.encode(src, dst);
        }
        long nanos = System.nanoTime() - start;
        assertTrue(sink >= (SIZE + 2) / 3 * 4);
        return nanos;
    }

    private static long writerNanos(DocumentPackage pkg) {
        Counting out = new Counting();
        long start = System.nanoTime();
        EdXml.write(pkg, out);
        long nanos = System.nanoTime() - start;
        assertTrue(out.count > (SIZE + 2) / 3 * 4);
        return nanos;
    }

    @Test
    void attachmentEncodingRunsAtLeastSevenTenthsOfTheRawEncoderSpeed() {
        DocumentPackage pkg = EdXmlPackages.newDocument(EdXmlWriterTestData.header(), EdXmlWriterTestData.clerk(),
                List.of(new Attachment("cid:1", "big.zip", "", "application/zip", new Synthetic())),
                EdXmlWriterTestData.CLOCK);
        rawEncodeNanos();
        writerNanos(pkg);
        long raw = Long.MAX_VALUE;
        long writer = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            raw = Math.min(raw, rawEncodeNanos());
            writer = Math.min(writer, writerNanos(pkg));
        }
        double ratio = (double) raw / writer;
        LOG.info("200 MB attachment: raw encoder {} ms, writer {} ms, ratio {}", raw / 1_000_000,
                writer / 1_000_000, String.format("%.2f", ratio));
        assertTrue(ratio >= 0.7, "writer at " + ratio + "x the raw encoder's speed");
    }
}
