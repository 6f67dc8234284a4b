package vn.egov.sdk.core.xml.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import vn.egov.sdk.core.xml.XmlEncodingException;

/**
 * Passes a document's bytes to the XML parser unchanged while checking what the JDK's parser would otherwise
 * handle badly: a {@link MarkupLexer} refuses a single tag, comment, processing instruction, CDATA section or
 * DOCTYPE longer than the limit before the parser, which buffers each of these whole, has read it; and the bytes
 * of a UTF-8 or US-ASCII document are checked to be exactly that (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF, no truncated sequence), because the JDK's parser prints {@code [Fatal Error]} on the
 * console for bytes it cannot decode and decodes some invalid UTF-8 anyway. Never reads ahead of what the parser
 * asks for, except the XML declaration at the start.
 *
 * <p>The encoding is the byte-order mark's, else the XML declaration's, else UTF-8. The lexer reads ASCII-compatible
 * encodings byte by byte and UTF-16 code unit by code unit; documents in UTF-32 or EBCDIC are refused.
 */
public final class MarkupGuard extends InputStream {
    private enum Mode { UNKNOWN, BYTES, UTF16_BE, UTF16_LE }

    private enum Check { NONE, UTF8, ASCII }

    private static final int DECLARATION = 256;

    private final InputStream in;
    private final MarkupLexer lexer;
    private Mode mode = Mode.UNKNOWN;
    private Check check = Check.NONE;
    private byte[] head = new byte[0];
    private int headPos;
    private int carry = -1;
    private byte[] units = new byte[0];
    private long offset;
    private int need;
    private int low = 0x80;
    private int high = 0xBF;

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
                if (need > 0) {
                    throw new XmlEncodingException("invalid UTF-8: the input ends inside a multi-byte sequence");
                }
                return -1;
            }
        }
        checkEncoding(b, off, n);
        follow(b, off, n);
        offset += n;
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

    /** Checks UTF-8 (RFC 3629) or US-ASCII, byte by byte, across calls. */
    private void checkEncoding(byte[] b, int off, int n) {
        if (check == Check.NONE) {
            return;
        }
        int end = off + n;
        for (int i = off; i < end; i++) {
            int c = b[i];
            if (need == 0) {
                if (c >= 0) {
                    continue;
                }
                if (check == Check.ASCII) {
                    throw new XmlEncodingException("byte 0x" + hex(c) + " at byte " + (offset + i - off)
                            + " is not US-ASCII, the document's declared encoding");
                }
                lead(c & 0xff, offset + i - off);
            } else {
                int u = c & 0xff;
                if (u < low || u > high) {
                    throw invalidUtf8(offset + i - off, u);
                }
                need--;
                low = 0x80;
                high = 0xBF;
            }
        }
    }

    private void lead(int u, long at) {
        low = 0x80;
        high = 0xBF;
        if (u >= 0xC2 && u <= 0xDF) {
            need = 1;
        } else if (u == 0xE0) {
            need = 2;
            low = 0xA0;
        } else if (u >= 0xE1 && u <= 0xEF) {
            need = 2;
            if (u == 0xED) {
                high = 0x9F; // no surrogates
            }
        } else if (u == 0xF0) {
            need = 3;
            low = 0x90;
        } else if (u >= 0xF1 && u <= 0xF3) {
            need = 3;
        } else if (u == 0xF4) {
            need = 3;
            high = 0x8F;
        } else {
            throw invalidUtf8(at, u);
        }
    }

    private static XmlEncodingException invalidUtf8(long at, int u) {
        return new XmlEncodingException("invalid UTF-8 at byte " + at + " (0x" + hex(u) + ")");
    }

    private static String hex(int b) {
        return Integer.toHexString(b & 0xff).toUpperCase(Locale.ROOT);
    }

    private void detect() throws IOException {
        head = in.readNBytes(4);
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        int b2 = head.length > 2 ? head[2] & 0xff : -1;
        int b3 = head.length > 3 ? head[3] & 0xff : -1;
        if (b0 == 0 && b1 == 0 || b2 == 0 && b3 == 0 && (b0 == 0x3C || b0 == 0xFF) && b1 == 0) {
            throw new XmlEncodingException("the UTF-32 encoding is not accepted (UTF-8, UTF-16 and ASCII-compatible "
                    + "encodings are)");
        }
        if (b0 == 0x4C && b1 == 0x6F && b2 == 0xA7 && b3 == 0x94) {
            throw new XmlEncodingException("the EBCDIC encoding is not accepted (UTF-8, UTF-16 and "
                    + "ASCII-compatible encodings are)");
        }
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 == 0x3C) {
            mode = Mode.UTF16_BE;
        } else if (b0 == 0xFF && b1 == 0xFE || b0 == 0x3C && b1 == 0) {
            mode = Mode.UTF16_LE;
        } else {
            mode = Mode.BYTES;
            check = b0 == 0xEF && b1 == 0xBB && b2 == 0xBF ? Check.UTF8 : declared();
        }
    }

    /** In a byte encoding without a byte-order mark: what the XML declaration says (reading just that far). */
    private Check declared() throws IOException {
        if (!new String(head, StandardCharsets.ISO_8859_1).equals("<?xm")) {
            return Check.UTF8;
        }
        while (head.length < DECLARATION && !new String(head, StandardCharsets.ISO_8859_1).contains("?>")) {
            byte[] more = in.readNBytes(Math.min(16, DECLARATION - head.length));
            if (more.length == 0) {
                break;
            }
            head = Arrays.copyOf(head, head.length + more.length);
            System.arraycopy(more, 0, head, head.length - more.length, more.length);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int close = text.indexOf("?>");
        for (int i = 0; i < (close < 0 ? head.length : close); i++) {
            if (head[i] < 0) {
                throw new XmlEncodingException("the XML declaration holds the non-ASCII byte 0x" + hex(head[i])
                        + " at byte " + i);
            }
        }
        return switch (XmlDeclaration.encoding(head, 0, head.length)) {
            case "", "utf-8", "utf8" -> Check.UTF8;
            case "us-ascii", "ascii" -> Check.ASCII;
            default -> Check.NONE; // another encoding: the JDK's decoder for it
        };
    }
}
