package vn.egov.sdk.core.xml.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.VerificationException;

/**
 * Passes a document's bytes to the XML parser unchanged while a {@link MarkupLexer} follows them, so that a single
 * tag, comment, processing instruction, CDATA section or DOCTYPE longer than the limit is refused before the JDK's
 * parser, which buffers each of these whole, has read it. Never reads ahead of what the parser asks for.
 *
 * <p>The lexer reads ASCII-compatible encodings byte by byte and UTF-16 (with a byte-order mark, or recognised from
 * its first characters) code unit by code unit; documents in UTF-32 or EBCDIC are refused.
 */
public final class MarkupGuard extends InputStream {
    private enum Mode { UNKNOWN, BYTES, UTF16_BE, UTF16_LE }

    private final InputStream in;
    private final MarkupLexer lexer;
    private Mode mode = Mode.UNKNOWN;
    private byte[] head = new byte[0];
    private int headPos;
    private int carry = -1;
    private byte[] units = new byte[0];

    /**
     * @param in the document
     * @param maxConstructChars the longest construct accepted, in characters
     */
    public MarkupGuard(InputStream in, long maxConstructChars) {
        this.in = in;
        this.lexer = new MarkupLexer(maxConstructChars, null);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (mode == Mode.UNKNOWN) {
            detect();
        }
        int n;
        if (headPos < head.length) {
            n = Math.min(len, head.length - headPos);
            System.arraycopy(head, headPos, b, off, n);
            headPos += n;
        } else {
            n = in.read(b, off, len);
            if (n < 0) {
                return -1;
            }
        }
        follow(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void follow(byte[] b, int off, int n) {
        if (mode == Mode.BYTES) {
            lexer.advance(b, off, off + n);
            return;
        }
        if (units.length < n / 2 + 1) {
            units = new byte[n / 2 + 1];
        }
        int u = 0;
        int i = off;
        int end = off + n;
        if (carry >= 0 && i < end) {
            units[u++] = unit(carry, b[i++] & 0xff);
            carry = -1;
        }
        for (; i + 1 < end; i += 2) {
            units[u++] = unit(b[i] & 0xff, b[i + 1] & 0xff);
        }
        if (i < end) {
            carry = b[i] & 0xff;
        }
        lexer.advance(units, 0, u);
    }

    /** A UTF-16 code unit as one byte for the lexer: itself when ASCII, else a byte that counts as one character. */
    private byte unit(int first, int second) {
        int value = mode == Mode.UTF16_BE ? first << 8 | second : second << 8 | first;
        return value < 0x80 ? (byte) value : (byte) 0xC2;
    }

    private void detect() throws IOException {
        head = in.readNBytes(4);
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        int b2 = head.length > 2 ? head[2] & 0xff : -1;
        int b3 = head.length > 3 ? head[3] & 0xff : -1;
        if (b0 == 0 && b1 == 0 || b2 == 0 && b3 == 0 && (b0 == 0x3C || b0 == 0xFF) && b1 == 0) {
            throw refused("UTF-32");
        }
        if (b0 == 0x4C && b1 == 0x6F && b2 == 0xA7 && b3 == 0x94) {
            throw refused("EBCDIC");
        }
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 == 0x3C) {
            mode = Mode.UTF16_BE;
        } else if (b0 == 0xFF && b1 == 0xFE || b0 == 0x3C && b1 == 0) {
            mode = Mode.UTF16_LE;
        } else {
            mode = Mode.BYTES;
        }
        head = Arrays.copyOf(head, head.length);
    }

    private static VerificationException refused(String encoding) {
        return new VerificationException("the document is not acceptable XML: the " + encoding + " encoding is not "
                + "accepted (UTF-8, UTF-16 and ASCII-compatible encodings are)",
                ErrorDetails.of(Fault.VERIFICATION, false), null);
    }
}
