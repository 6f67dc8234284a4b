package vn.egov.sdk.edxml.internal;

import java.io.IOException;
import java.io.OutputStream;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;

/**
 * The byte end of the edXML writer: encodes text to UTF-8 into a fixed buffer, escaping it for element content or
 * attribute values and refusing characters XML 1.0 does not allow, and hands full buffers to the caller's stream.
 * Large binary runs (base64) bypass the buffer. A failure of the caller's stream becomes an {@link EgovException}
 * with fault {@link Fault#CALLER}.
 */
final class XmlOutBuffer {
    /** How text is escaped. */
    enum Escape {
        /** Markup the writer made itself (names, already checked): UTF-8 only. */
        NONE,
        /** Element content: {@code & < >} and CR as references. */
        TEXT,
        /** Attribute value: {@code & < "} and tab, LF, CR as references. */
        ATTRIBUTE
    }

    /** Returned by {@link #write(String, Escape)} when every character was allowed. */
    static final int OK = -1;

    private static final int SIZE = 16 * 1024;
    /** Room for the longest single-character output ({@code &quot;}, six bytes). */
    private static final int MAX_CHAR_BYTES = 6;

    private final OutputStream out;
    private final byte[] buf = new byte[SIZE];
    private int pos;

    /** @param out where full buffers go; never closed */
    XmlOutBuffer(OutputStream out) {
        this.out = out;
    }

    /** Appends ASCII markup the writer made itself. */
    void ascii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (pos == SIZE) {
                drain();
            }
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    /** Appends one ASCII character. */
    void ascii(char c) {
        if (pos == SIZE) {
            drain();
        }
        buf[pos++] = (byte) c;
    }

    /** Appends {@code count} spaces. */
    void spaces(int count) {
        for (int i = 0; i < count; i++) {
            ascii(' ');
        }
    }

    /**
     * Appends text as UTF-8, escaped as asked.
     *
     * @return {@link #OK}, or the index of the first character XML 1.0 does not allow (the output then holds part
     *         of the text and must be thrown away)
     */
    int write(String s, Escape escape) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (pos > SIZE - MAX_CHAR_BYTES) {
                drain();
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                if (!ascii(c, escape)) {
                    return i;
                }
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return i;
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (c >= 0xFFFE) {
                return i;
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return OK;
    }

    private boolean ascii(char c, Escape escape) {
        if (c < 0x20) {
            switch (c) {
                case '\t' -> put(escape == Escape.ATTRIBUTE ? "&#x9;" : "\t");
                case '\n' -> put(escape == Escape.ATTRIBUTE ? "&#xA;" : "\n");
                case '\r' -> put(escape == Escape.NONE ? "\r" : "&#xD;");
                default -> {
                    return false;
                }
            }
        } else if (escape == Escape.NONE) {
            buf[pos++] = (byte) c;
        } else if (c == '&') {
            put("&amp;");
        } else if (c == '<') {
            put("&lt;");
        } else if (c == '>' && escape == Escape.TEXT) {
            put("&gt;");
        } else if (c == '"' && escape == Escape.ATTRIBUTE) {
            put("&quot;");
        } else {
            buf[pos++] = (byte) c;
        }
        return true;
    }

    private void put(String reference) {
        for (int i = 0; i < reference.length(); i++) {
            buf[pos++] = (byte) reference.charAt(i);
        }
    }

    /** Writes bytes straight to the stream after what is buffered (for long base64 runs: no copy). */
    void raw(byte[] bytes, int off, int len) {
        if (len <= SIZE - pos) {
            System.arraycopy(bytes, off, buf, pos, len);
            pos += len;
            return;
        }
        drain();
        try {
            out.write(bytes, off, len);
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    /** Hands what is buffered to the stream and flushes it. */
    void flush() {
        drain();
        try {
            out.flush();
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    private void drain() {
        if (pos > 0) {
            try {
                out.write(buf, 0, pos);
            } catch (IOException e) {
                throw writeFailed(e);
            }
            pos = 0;
        }
    }

    private static EgovException writeFailed(IOException e) {
        return new EgovException("cannot write the edXML package: " + Causes.describe(e),
                ErrorDetails.of(Fault.CALLER, false), e);
    }
}
