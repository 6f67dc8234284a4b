package vn.egov.sdk.edxml.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import vn.egov.sdk.core.xml.internal.MarkupLexer;
import vn.egov.sdk.core.xml.internal.XmlDeclaration;

/**
 * Sits between the package bytes and the XML parser and hands the base64 text of attachment content
 * ({@code ContentTransferEncoded}) straight to the decoder, so the parser never turns megabytes of base64 into
 * characters (nor buffers a CDATA section of it whole). Everything else — every tag, attribute, comment, the
 * header, what follows the attachments — goes through the parser, which alone decides whether the document is
 * well-formed and what it says.
 *
 * <p>How it stays exactly equivalent to the parser: a {@link MarkupLexer} follows the bytes handed to the parser
 * and each {@link #read} call ends right after the {@code >} of every {@code ContentTransferEncoded} start tag, so
 * the parser cannot have looked beyond it. When the reader, standing on that start element (the k-th such element
 * the parser reported), asks to {@link #divert} and the lexer's k-th such tag is the one the delivered bytes end
 * with, what follows is streamed to the decoder for as long as it is base64 characters, white space, or CDATA
 * sections holding only those; the parser never sees it. At the first other byte (the end tag, a character
 * reference, a comment, a non-ASCII byte, anything else inside a CDATA section, whose opening is then handed to the
 * parser again) the rest is the parser's, and the reader decodes what the parser reports, in order. Removing such
 * text from the start of an element's content cannot change whether the document is well-formed nor anything
 * else the parser reports. When the lexer and the parser might disagree (a document in another encoding, a DTD, a
 * parser that reads ahead) nothing is diverted: slower, never different.
 */
final class Base64Bypass extends InputStream {
    /** Where diverted bytes go. */
    interface Sink {
        /**
         * Offered a whole block of {@link Base64Decoding#BLOCK} bytes; returns whether it took it (it declines a
         * block that is not clean base64, which then comes through {@link #accept}).
         */
        boolean tryBlock(byte[] bytes, int off);

        /** Takes base64 characters and white space. */
        void accept(byte[] bytes, int off, int len);
    }

    private static final int READ = 16 * 1024;
    private static final byte[] CDATA_OPEN = "<![CDATA[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CDATA_CLOSE = "]]>".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] RUN = new boolean[256];

    static {
        for (int c = 'A'; c <= 'Z'; c++) {
            RUN[c] = true;
            RUN[c + 32] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            RUN[c] = true;
        }
        for (char c : new char[] {'+', '/', '=', ' ', '\t', '\n', '\r'}) {
            RUN[c] = true;
        }
    }

    private final InputStream raw;
    private final MarkupLexer lexer = new MarkupLexer(Long.MAX_VALUE, AttachmentFields.CONTENT);
    private byte[] buf = new byte[READ];
    private int pos;
    private int len;
    private boolean eof;
    private boolean started;
    private boolean off;
    private boolean cutPending;
    private byte[] inject;
    private long diverted;
    private long divertedLines;

    Base64Bypass(InputStream raw) {
        this.raw = raw;
    }

    /** Bytes handed to a sink instead of the parser so far. */
    long diverted() {
        return diverted;
    }

    /** Line feeds among them: the parser's line numbers are short by this many. */
    long divertedLines() {
        return divertedLines;
    }

    /**
     * Streams the leading base64 text of the content element the parser stands on to the sink.
     *
     * @param ordinal how many {@code ContentTransferEncoded} start elements the parser has reported, this one included
     * @param sink the decoder
     * @return whether bytes may have been diverted (false: the parser reads the whole content)
     */
    boolean divert(int ordinal, Sink sink) throws IOException {
        if (!cutPending || ordinal != lexer.watchedTags() || off) {
            return false;
        }
        cutPending = false;
        while (true) {
            divertRun(sink);
            if (fillTo(CDATA_OPEN.length) < CDATA_OPEN.length || !startsWith(CDATA_OPEN)) {
                return true;
            }
            pos += CDATA_OPEN.length;
            divertRun(sink);
            if (fillTo(CDATA_CLOSE.length) < CDATA_CLOSE.length || !startsWith(CDATA_CLOSE)) {
                inject = CDATA_OPEN; // the parser reads the rest of this CDATA section
                return true;
            }
            pos += CDATA_CLOSE.length;
        }
    }

    /**
     * Diverts base64 characters and white space from {@code pos} up to the first other byte or the end. Reads more
     * input only when the run reaches the end of what is buffered (then a whole block, for the decoder's fast path),
     * so a small attachment costs no more than its own bytes.
     */
    private void divertRun(Sink sink) throws IOException {
        while (true) {
            if (pos == len && fillTo(Base64Decoding.BLOCK) == 0) {
                return;
            }
            if (len - pos >= Base64Decoding.BLOCK && sink.tryBlock(buf, pos)) {
                pos += Base64Decoding.BLOCK;
                diverted += Base64Decoding.BLOCK;
                continue;
            }
            int i = pos;
            while (i < len && RUN[buf[i] & 0xff]) {
                if (buf[i] == '\n') {
                    divertedLines++;
                }
                i++;
            }
            if (i > pos) {
                sink.accept(buf, pos, i - pos);
                diverted += i - pos;
                pos = i;
            }
            if (i < len) {
                return;
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int o, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (!started) {
            started = true;
            fillTo(256);
            off = !lexable();
        }
        cutPending = false;
        if (inject != null) {
            int k = Math.min(n, inject.length);
            System.arraycopy(inject, 0, b, o, k);
            lexer.advance(inject, 0, k);
            inject = k == inject.length ? null : Arrays.copyOfRange(inject, k, inject.length);
            return k;
        }
        if (pos == len && fillTo(1) == 0) {
            return -1;
        }
        int end = Math.min(len, pos + n);
        int count = off ? end - pos : lexer.advance(buf, pos, end) - pos;
        cutPending = !off && lexer.atWatchedEnd();
        System.arraycopy(buf, pos, b, o, count);
        pos += count;
        return count;
    }

    @Override
    public void close() {
        // the caller owns the underlying stream
    }

    private boolean startsWith(byte[] m) {
        for (int k = 0; k < m.length; k++) {
            if (buf[pos + k] != m[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the document is in an encoding whose markup and base64 bytes are ASCII (UTF-8 or US-ASCII). */
    private boolean lexable() {
        if (len >= 2 && (buf[0] == (byte) 0xFE || buf[0] == (byte) 0xFF || buf[0] == 0 || buf[1] == 0)) {
            return false; // UTF-16 / UTF-32
        }
        int start = len >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF ? 3 : 0;
        return switch (XmlDeclaration.encoding(buf, start, len)) {
            case "", "utf-8", "utf8", "us-ascii", "ascii" -> true;
            default -> false;
        };
    }

    /**
     * Reads until at least {@code want} bytes are buffered after {@code pos} or the input ends, growing the buffer
     * only as far as that needs (to a block while diverting).
     *
     * @return the bytes buffered after {@code pos}
     */
    private int fillTo(int want) throws IOException {
        if (len - pos >= want || eof) {
            return len - pos;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
        if (buf.length < want) {
            buf = Arrays.copyOf(buf, Math.max(want, buf.length * 2));
        }
        while (len < want) {
            int n = raw.read(buf, len, buf.length - len);
            if (n < 0) {
                eof = true;
                break;
            }
            len += n;
        }
        return len - pos;
    }
}
