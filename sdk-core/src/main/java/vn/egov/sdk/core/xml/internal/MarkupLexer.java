package vn.egov.sdk.core.xml.internal;

import java.nio.charset.StandardCharsets;
import vn.egov.sdk.core.xml.XmlLimitException;

/**
 * Follows XML markup in the bytes of a document in an ASCII-compatible encoding (UTF-8, ISO-8859-x, windows-125x,
 * or UTF-16 mapped to one byte per code unit by the caller), without parsing it: it knows where start tags, end
 * tags, comments, processing instructions, CDATA sections and declarations begin and end, quoted attribute values
 * included. On well-formed input it tokenises exactly as an XML parser does; it never decides whether input is
 * well-formed (the parser does).
 *
 * <p>Two uses: it refuses any single construct (a tag with its attributes, a comment, a processing instruction, a
 * CDATA section, a DOCTYPE) longer than a number of characters, which the JDK's parser would otherwise buffer whole
 * before any limit of its own applies; and it can report where a start tag of one watched local name ends.
 *
 * <p>Characters are counted as Java counts them (a UTF-8 sequence of four bytes is two characters).
 */
public final class MarkupLexer {
    private enum State { TEXT, LT, NAME, TAG, QUOTE, END_TAG, PI, BANG, COMMENT_OPEN, COMMENT, CDATA_OPEN, CDATA, DECL }

    private static final byte[] CDATA_WORD = "CDATA[".getBytes(StandardCharsets.US_ASCII);

    private final long maxConstructChars;
    private final byte[] watched;
    private State state = State.TEXT;
    private byte quote;
    private byte last;
    private byte beforeLast;
    private int matched;
    private boolean nameMatches;
    private long constructChars;
    private long offset;
    private int watchedTags;
    private boolean atWatchedEnd;

    /**
     * @param maxConstructChars the longest construct accepted, in characters
     * @param watchedLocalName a local name whose start tags are reported, or {@code null}
     */
    public MarkupLexer(long maxConstructChars, String watchedLocalName) {
        this.maxConstructChars = maxConstructChars;
        this.watched = watchedLocalName == null ? null : watchedLocalName.getBytes(StandardCharsets.US_ASCII);
    }

    /** Start tags of the watched local name seen so far, self-closing ones included. */
    public int watchedTags() {
        return watchedTags;
    }

    /** Whether the last byte followed was the {@code >} of a watched, not self-closing, start tag. */
    public boolean atWatchedEnd() {
        return atWatchedEnd;
    }

    /** Whether the lexer stands in text content (not inside any markup). */
    public boolean inText() {
        return state == State.TEXT;
    }

    /**
     * Follows {@code buf[from, to)}, stopping right after the {@code >} of a watched start tag that is not
     * self-closing.
     *
     * @return the index after the last byte followed ({@code to}, or just after such a {@code >})
     * @throws XmlLimitException if a construct grows beyond the limit
     */
    public int advance(byte[] buf, int from, int to) {
        atWatchedEnd = false;
        int i = from;
        while (i < to) {
            if (state == State.TEXT) {
                while (i < to && buf[i] != '<') {
                    i++; // text content: the parser reports it in bounded chunks, nothing to follow
                }
                if (i == to) {
                    break;
                }
                state = State.LT;
                constructChars = 1;
                i++;
                continue;
            }
            if (state == State.QUOTE) {
                int start = i;
                while (i < to && buf[i] != quote) {
                    i++;
                }
                countRun(buf, start, i, offset + start - from);
                if (i == to) {
                    break;
                }
            }
            byte c = buf[i];
            count(c, offset + i - from);
            i++;
            if (step(c)) {
                offset += i - from;
                atWatchedEnd = true;
                return i;
            }
        }
        offset += to - from;
        return to;
    }

    private void countRun(byte[] buf, int from, int to, long at) {
        long chars = 0;
        for (int k = from; k < to; k++) {
            byte c = buf[k];
            if ((c & 0xC0) != 0x80) {
                chars += (c & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        constructChars += chars;
        if (constructChars > maxConstructChars) {
            throw tooLong(at + (to - from));
        }
    }

    /** Skips bytes that are text content (the caller knows they hold no markup). */
    public void skipText(long bytes) {
        offset += bytes;
    }

    /** One byte; returns whether it ended a watched start tag. */
    private boolean step(byte c) {
        switch (state) {
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
                    last = 0;
                    matched = 0;
                    nameMatches = watched != null;
                    name(c);
                }
            }
            case NAME -> {
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    state = State.TAG;
                    last = c;
                } else if (c == '>' || c == '/') {
                    state = State.TAG;
                    return tagByte(c);
                } else {
                    name(c);
                }
            }
            case TAG -> {
                if (c == '"' || c == '\'') {
                    state = State.QUOTE;
                    quote = c;
                } else {
                    return tagByte(c);
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
                    state = State.DECL; // a DOCTYPE: counted to the end, the parser refuses it
                }
            }
            case COMMENT_OPEN -> {
                state = c == '-' ? State.COMMENT : State.DECL;
                last = 0;
                beforeLast = 0;
            }
            case COMMENT, CDATA -> {
                byte closing = state == State.COMMENT ? (byte) '-' : (byte) ']';
                if (c == '>' && last == closing && beforeLast == closing) {
                    state = State.TEXT;
                }
                beforeLast = last;
                last = c;
            }
            case CDATA_OPEN -> {
                if (c != CDATA_WORD[matched]) {
                    state = State.DECL;
                } else if (++matched == CDATA_WORD.length) {
                    state = State.CDATA;
                    last = 0;
                    beforeLast = 0;
                }
            }
            default -> {
                // DECL: everything from here on is one construct (TEXT is followed in advance)
            }
        }
        return false;
    }

    /** A byte inside a start tag outside quotes; at {@code >} the tag ends. */
    private boolean tagByte(byte c) {
        if (c != '>') {
            last = c;
            return false;
        }
        state = State.TEXT;
        boolean selfClosing = last == '/';
        last = c;
        if (!nameMatches || matched != watched.length) {
            return false;
        }
        watchedTags++;
        return !selfClosing;
    }

    /** Matches the local name (after any prefix) against the watched one. */
    private void name(byte c) {
        if (watched == null) {
            return;
        }
        if (c == ':') {
            matched = 0;
            nameMatches = true;
        } else if (nameMatches && matched < watched.length && c == watched[matched]) {
            matched++;
        } else {
            nameMatches = false;
        }
    }

    private void count(byte c, long at) {
        if ((c & 0xC0) != 0x80) {
            constructChars += (c & 0xF8) == 0xF0 ? 2 : 1;
            if (constructChars > maxConstructChars) {
                throw tooLong(at);
            }
        }
    }

    private XmlLimitException tooLong(long at) {
        return new XmlLimitException("maxTextChars", maxConstructChars, "a " + construct() + " longer than "
                + maxConstructChars + " characters", " (near byte " + at + ")");
    }

    private String construct() {
        return switch (state) {
            case COMMENT, COMMENT_OPEN -> "comment";
            case PI -> "processing instruction";
            case CDATA, CDATA_OPEN -> "CDATA section";
            case DECL, BANG -> "declaration";
            case END_TAG -> "end tag";
            default -> "start tag (with its attributes)";
        };
    }
}
