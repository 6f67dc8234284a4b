package vn.egov.sdk.edxml.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds, in the raw bytes, where the {@code edXMLEnvelope} element ends, so the XML parser reads only the header
 * and the attachment section (megabytes of base64) can be streamed by {@link AttachmentSection} without character
 * decoding. Works on a UTF-8 (or ASCII) document whose first child of the root is the envelope, as every real sender
 * writes it; for anything else it declines and the whole input goes through the XML parser.
 *
 * <p>The scan is lexical: it skips comments, processing instructions, CDATA and quoted attribute values, and counts
 * start and end tags. It never decides what the document means; the XML parser still checks the header.
 */
final class EnvelopeSplitter {
    private static final int READ = 16 * 1024;
    private static final byte[] PI = ascii("<?");
    private static final byte[] PI_END = ascii("?>");
    private static final byte[] COMMENT = ascii("<!--");
    private static final byte[] COMMENT_END = ascii("-->");
    private static final byte[] CDATA = ascii("<![CDATA[");
    private static final byte[] CDATA_END = ascii("]]>");
    private static final byte[] DECLARATION = ascii("<!");
    private static final byte[] END_TAG = ascii("</");

    private final InputStream raw;
    private final int limit;
    private byte[] buf = new byte[READ];
    private int len;
    private boolean eof;

    /**
     * @param raw the package bytes
     * @param limit the most bytes to look through for the end of the envelope
     */
    EnvelopeSplitter(InputStream raw, int limit) {
        this.raw = raw;
        this.limit = limit;
    }

    /** The split: header bytes for the XML parser, and the rest of the input. */
    record Split(byte[] head, InputStream rest) {
    }

    /**
     * Splits after the envelope's end tag, or declines (then {@link #whole()} gives the input unchanged).
     *
     * @throws IOException if the input cannot be read
     */
    Optional<Split> split() throws IOException {
        fill(Math.min(limit, 1024));
        if (!asciiCompatibleUtf8()) {
            return Optional.empty();
        }
        int depth = 0;
        boolean inEnvelope = false;
        int i = 0;
        while (true) {
            if (i >= len && !fill(i + 1)) {
                return Optional.empty();
            }
            if (buf[i] != '<') {
                i++;
                continue;
            }
            int end;
            if (startsWithFilled(i, PI)) {
                end = find(i + 2, PI_END);
            } else if (startsWithFilled(i, COMMENT)) {
                end = find(i + 4, COMMENT_END);
            } else if (startsWithFilled(i, CDATA)) {
                end = find(i + 9, CDATA_END);
            } else if (startsWithFilled(i, DECLARATION)) {
                return Optional.empty(); // a DOCTYPE: let the parser refuse it
            } else if (startsWithFilled(i, END_TAG)) {
                end = tagEnd(i + 2);
                if (end < 0) {
                    return Optional.empty();
                }
                depth--;
                if (inEnvelope && depth == 1) {
                    return Optional.of(new Split(Arrays.copyOf(buf, end), rest(end)));
                }
                i = end;
                continue;
            } else {
                end = tagEnd(i + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                boolean selfClosing = buf[end - 2] == '/';
                if (depth == 1) {
                    if (!localName(i + 1).equals("edXMLEnvelope") || selfClosing) {
                        return Optional.empty();
                    }
                    inEnvelope = true;
                }
                if (!selfClosing) {
                    depth++;
                }
                i = end;
                continue;
            }
            if (end < 0) {
                return Optional.empty();
            }
            i = end;
        }
    }

    /** The input as it came, for when the splitter declined. */
    InputStream whole() {
        return rest(0);
    }

    private InputStream rest(int from) {
        return new SequenceInputStream(new ByteArrayInputStream(buf, from, len - from), raw);
    }

    private boolean asciiCompatibleUtf8() {
        if (len >= 2 && (buf[0] == (byte) 0xFE || buf[0] == (byte) 0xFF || buf[0] == 0)) {
            return false; // UTF-16 / UTF-32
        }
        int start = len >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF ? 3 : 0;
        String prolog = new String(buf, start, Math.min(len - start, 200), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (!prolog.startsWith("<?xml")) {
            return true;
        }
        int decl = prolog.indexOf("?>");
        String declaration = decl < 0 ? prolog : prolog.substring(0, decl);
        int enc = declaration.indexOf("encoding");
        if (enc < 0) {
            return true;
        }
        String rest = declaration.substring(enc).replaceAll("\\s", "");
        return rest.startsWith("encoding=\"utf-8\"") || rest.startsWith("encoding='utf-8'")
                || rest.startsWith("encoding=\"us-ascii\"") || rest.startsWith("encoding='us-ascii'")
                || rest.startsWith("encoding=\"utf8\"") || rest.startsWith("encoding='utf8'");
    }

    /** The index just past the {@code >} closing a tag whose name starts at {@code from}, quotes respected. */
    private int tagEnd(int from) throws IOException {
        byte quote = 0;
        for (int i = from; ; i++) {
            if (i >= len && !fill(i + 1)) {
                return -1;
            }
            byte b = buf[i];
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return i + 1;
            } else if (b == '<') {
                return -1;
            }
        }
    }

    private String localName(int from) {
        int i = from;
        while (i < len && buf[i] != ' ' && buf[i] != '>' && buf[i] != '/' && buf[i] != '\t' && buf[i] != '\n'
                && buf[i] != '\r') {
            i++;
        }
        String qname = new String(buf, from, i - from, StandardCharsets.UTF_8);
        return qname.substring(qname.indexOf(':') + 1);
    }

    /** The index just past {@code marker}, searching from {@code from}; -1 if it never comes. */
    private int find(int from, byte[] m) throws IOException {
        for (int i = from; ; i++) {
            if (i + m.length > len && !fill(i + m.length)) {
                return -1;
            }
            if (startsWith(i, m)) {
                return i + m.length;
            }
        }
    }

    private boolean startsWithFilled(int at, byte[] m) throws IOException {
        if (at + m.length > len) {
            fill(at + m.length);
        }
        return startsWith(at, m);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private boolean startsWith(int at, byte[] m) {
        if (at + m.length > len) {
            return false;
        }
        for (int k = 0; k < m.length; k++) {
            if (buf[at + k] != m[k]) {
                return false;
            }
        }
        return true;
    }

    /** Reads until at least {@code want} bytes are buffered; false at the end of input or past the limit. */
    private boolean fill(int want) throws IOException {
        while (len < want) {
            if (eof || len >= limit) {
                return false;
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(limit + READ, buf.length * 2));
            }
            int n = raw.read(buf, len, Math.min(buf.length - len, READ));
            if (n < 0) {
                eof = true;
                return false;
            }
            len += n;
        }
        return true;
    }
}
