package vn.egov.sdk.edxml.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Sits between the package bytes and the XML parser and hands the base64 text of attachment content
 * ({@code ContentTransferEncoded}) straight to the decoder, so the parser never turns megabytes of base64 into
 * characters. Everything else — every tag, attribute, comment, the header, what follows the attachments — goes
 * through the parser, which alone decides whether the document is well-formed and what it says.
 *
 * <p>How it stays exactly equivalent to the parser: a small lexer follows the bytes handed to the parser and ends
 * each {@link #read} call right after the {@code >} of every {@code ContentTransferEncoded} start tag, so the parser
 * cannot have looked beyond it. When the reader, standing on that start element (the k-th such element the parser
 * reported), asks to {@link #divert} and the lexer's k-th such tag is the one the delivered bytes end with, the bytes
 * that follow are streamed to the decoder for as long as they are base64 characters or white space (and the parser
 * never sees them); at the first other byte (the end tag, a character reference, a comment, a CDATA section, a
 * non-ASCII byte) the rest is the parser's again, and the reader decodes what the parser reports. Removing a run of
 * base64 and white space from the start of an element's content cannot change whether the document is well-formed
 * nor anything else the parser reports. When the lexer and the parser might disagree (a document in another
 * encoding, a DTD, a parser that reads ahead) nothing is diverted: slower, never different.
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
    private static final byte[] CONTENT = "ContentTransferEncoded".getBytes(StandardCharsets.US_ASCII);
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

    private enum State { TEXT, LT, NAME, TAG, QUOTE, END_TAG, PI, BANG, COMMENT_OPEN, COMMENT, CDATA_OPEN, CDATA, OFF }

    private final InputStream raw;
    private byte[] buf = new byte[READ];
    private int pos;
    private int len;
    private boolean eof;
    private boolean started;

    private State state = State.TEXT;
    private byte quote;
    private byte last;
    private byte beforeLast;
    private int matched;
    private boolean nameMatches;
    private int contentTags;
    private boolean cutPending;
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
     * Streams the leading base64 run of the content element the parser stands on to the sink.
     *
     * @param ordinal how many {@code ContentTransferEncoded} start elements the parser has reported, this one included
     * @param sink the decoder
     * @return whether bytes were diverted (false: the parser reads the whole content)
     */
    boolean divert(int ordinal, Sink sink) throws IOException {
        if (!cutPending || ordinal != contentTags || state == State.OFF) {
            return false;
        }
        cutPending = false;
        while (true) {
            if (len - pos < Base64Decoding.BLOCK) {
                fillTo(Base64Decoding.BLOCK);
            }
            if (pos == len) {
                return true;
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
                return true;
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
    public int read(byte[] b, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (!started) {
            started = true;
            fillTo(256);
            if (!lexable()) {
                state = State.OFF;
            }
        }
        if (pos == len && fillTo(1) == 0) {
            return -1;
        }
        cutPending = false;
        int end = Math.min(len, pos + n);
        int count = state == State.OFF ? end - pos : lex(end);
        System.arraycopy(buf, pos, b, off, count);
        pos += count;
        return count;
    }

    @Override
    public void close() {
        // the caller owns the underlying stream
    }

    /** Follows the bytes from pos up to end; returns how many to deliver (fewer when a content start tag ends). */
    private int lex(int end) {
        for (int i = pos; i < end; i++) {
            byte c = buf[i];
            switch (state) {
                case TEXT -> {
                    if (c == '<') {
                        state = State.LT;
                    }
                }
                case LT -> {
                    if (c == '/') {
                        state = State.END_TAG;
                    } else if (c == '?') {
                        state = State.PI;
                        last = 0;
                    } else if (c == '!') {
                        state = State.BANG;
                    } else {
                        state = State.NAME;
                        matched = 0;
                        nameMatches = true;
                        name(c);
                    }
                }
                case NAME -> {
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                        state = State.TAG;
                    } else if (c == '>' || c == '/') {
                        state = State.TAG;
                        if (tagChar(c)) {
                            return i + 1 - pos;
                        }
                    } else {
                        name(c);
                    }
                    last = c;
                }
                case TAG -> {
                    if (c == '"' || c == '\'') {
                        state = State.QUOTE;
                        quote = c;
                    } else if (tagChar(c)) {
                        return i + 1 - pos;
                    }
                }
                case QUOTE -> {
                    if (c == quote) {
                        state = State.TAG;
                        last = c;
                    }
                }
                case END_TAG -> {
                    if (c == '>') {
                        state = State.TEXT;
                    }
                }
                case PI -> {
                    if (c == '>' && last == '?') {
                        state = State.TEXT;
                    }
                    last = c;
                }
                case BANG -> {
                    if (c == '-') {
                        state = State.COMMENT_OPEN;
                    } else if (c == '[') {
                        state = State.CDATA_OPEN;
                        matched = 0;
                    } else {
                        state = State.OFF; // a DOCTYPE or other declaration: the parser refuses it; stop following
                        return end - pos;
                    }
                }
                case COMMENT_OPEN -> {
                    if (c != '-') {
                        state = State.OFF;
                        return end - pos;
                    }
                    state = State.COMMENT;
                    last = 0;
                    beforeLast = 0;
                }
                case COMMENT -> {
                    if (c == '>' && last == '-' && beforeLast == '-') {
                        state = State.TEXT;
                    }
                    beforeLast = last;
                    last = c;
                }
                case CDATA_OPEN -> {
                    if (c != "CDATA[".charAt(matched)) {
                        state = State.OFF;
                        return end - pos;
                    }
                    if (++matched == 6) {
                        state = State.CDATA;
                        last = 0;
                        beforeLast = 0;
                    }
                }
                case CDATA -> {
                    if (c == '>' && last == ']' && beforeLast == ']') {
                        state = State.TEXT;
                    }
                    beforeLast = last;
                    last = c;
                }
                default -> {
                    return end - pos;
                }
            }
        }
        return end - pos;
    }

    /**
     * A byte inside a start tag, outside quotes: at {@code >} the tag ends (self-closing when {@code /} came right
     * before). Returns whether delivery must stop here (the end of a content start tag).
     */
    private boolean tagChar(byte c) {
        if (c != '>') {
            last = c;
            return false;
        }
        state = State.TEXT;
        boolean selfClosing = last == '/';
        last = c;
        if (!nameMatches || matched != CONTENT.length) {
            return false;
        }
        contentTags++;
        if (selfClosing) {
            return false;
        }
        cutPending = true;
        return true;
    }

    /** Matches the local name (after any prefix) against {@code ContentTransferEncoded}. */
    private void name(byte c) {
        if (c == ':') {
            matched = 0;
            nameMatches = true;
        } else if (nameMatches && matched < CONTENT.length && c == CONTENT[matched]) {
            matched++;
        } else {
            nameMatches = false;
        }
    }

    /** Whether the document is in an encoding whose markup bytes are ASCII (UTF-8 or US-ASCII). */
    private boolean lexable() {
        if (len >= 2 && (buf[0] == (byte) 0xFE || buf[0] == (byte) 0xFF || buf[0] == 0 || buf[1] == 0)) {
            return false; // UTF-16 / UTF-32
        }
        int start = len >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF ? 3 : 0;
        String prolog = new String(buf, start, Math.min(len - start, 200), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (!prolog.startsWith("<?xml")) {
            return true;
        }
        int close = prolog.indexOf("?>");
        String declaration = close < 0 ? prolog : prolog.substring(0, close);
        int enc = declaration.indexOf("encoding");
        if (enc < 0) {
            return true;
        }
        String value = declaration.substring(enc + 8).replaceAll("[\\s=\"']", "");
        return value.equals("utf-8") || value.equals("utf8") || value.equals("us-ascii") || value.equals("ascii");
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
