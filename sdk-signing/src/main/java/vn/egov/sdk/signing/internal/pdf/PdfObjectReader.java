package vn.egov.sdk.signing.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessRead;

/**
 * A small, strict reader of PDF objects at a file position: enough for cross-reference tables, trailers and
 * cross-reference stream dictionaries, read independently of PDFBox's lenient parser (which skips free entries and
 * repairs broken offsets, so it cannot tell what an incremental update really declares). References are read as
 * {@link COSObject}s that hold only their key. Bounded: nesting depth, string length and the bytes one object may
 * span are capped.
 */
final class PdfObjectReader {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_STRING = 64 * 1024;
    private static final long MAX_OBJECT_BYTES = 4L * 1024 * 1024;

    private final RandomAccessRead in;
    private long objectStart;

    PdfObjectReader(RandomAccessRead in) {
        this.in = in;
    }

    void seek(long position) throws IOException {
        in.seek(position);
    }

    long position() throws IOException {
        return in.getPosition();
    }

    int read() throws IOException {
        return in.read();
    }

    int peek() throws IOException {
        return in.peek();
    }

    /** Skips white space and comments. */
    void skipSpace() throws IOException {
        while (true) {
            int c = in.peek();
            if (c == '%') {
                while (c != -1 && c != '\n' && c != '\r') {
                    c = in.read();
                }
            } else if (isSpace(c)) {
                in.read();
            } else {
                return;
            }
        }
    }

    /** Reads a keyword (a run of regular characters) after white space; empty at a delimiter or the end. */
    String keyword() throws IOException {
        skipSpace();
        StringBuilder sb = new StringBuilder();
        int c = in.peek();
        while (c != -1 && !isSpace(c) && !isDelimiter(c) && sb.length() < 64) {
            sb.append((char) in.read());
            c = in.peek();
        }
        return sb.toString();
    }

    /** Reads a non-negative integer after white space. */
    long integer() throws IOException {
        skipSpace();
        long v = 0;
        int digits = 0;
        int c = in.peek();
        while (c >= '0' && c <= '9') {
            if (++digits > 18) {
                throw new IOException("number too long at byte " + in.getPosition());
            }
            v = v * 10 + (in.read() - '0');
            c = in.peek();
        }
        if (digits == 0) {
            throw new IOException("a number was expected at byte " + in.getPosition());
        }
        return v;
    }

    /** Reads one direct object (a reference {@code n g R} is read as a key-only {@link COSObject}). */
    COSBase object() throws IOException {
        objectStart = in.getPosition();
        return object(0);
    }

    private COSBase object(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("objects nested too deeply at byte " + in.getPosition());
        }
        skipSpace();
        if (in.getPosition() - objectStart > MAX_OBJECT_BYTES) {
            throw new IOException("an object spans more than " + MAX_OBJECT_BYTES + " bytes");
        }
        int c = in.peek();
        switch (c) {
            case -1:
                throw new IOException("unexpected end of file");
            case '/':
                return name();
            case '(':
                return literal();
            case '[':
                return array(depth);
            case '<':
                in.read();
                if (in.peek() == '<') {
                    in.read();
                    return dictionary(depth);
                }
                return hex();
            default:
                break;
        }
        if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            return numberOrReference();
        }
        String k = keyword();
        switch (k) {
            case "true":
                return COSBoolean.TRUE;
            case "false":
                return COSBoolean.FALSE;
            case "null":
                return COSNull.NULL;
            default:
                throw new IOException("unexpected '" + k + "' at byte " + in.getPosition());
        }
    }

    private COSDictionary dictionary(int depth) throws IOException {
        COSDictionary d = new COSDictionary();
        while (true) {
            skipSpace();
            int c = in.peek();
            if (c == '>') {
                in.read();
                if (in.read() != '>') {
                    throw new IOException("'>>' expected at byte " + in.getPosition());
                }
                return d;
            }
            if (c != '/') {
                throw new IOException("a name was expected in a dictionary at byte " + in.getPosition());
            }
            COSName key = name();
            d.setItem(key, object(depth + 1));
        }
    }

    private COSArray array(int depth) throws IOException {
        in.read();
        COSArray a = new COSArray();
        while (true) {
            skipSpace();
            if (in.peek() == ']') {
                in.read();
                return a;
            }
            a.add(object(depth + 1));
        }
    }

    private COSName name() throws IOException {
        in.read();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c = in.peek();
        while (c != -1 && !isSpace(c) && !isDelimiter(c)) {
            in.read();
            if (c == '#') {
                int hi = Character.digit(in.read(), 16);
                int lo = Character.digit(in.read(), 16);
                if (hi < 0 || lo < 0) {
                    throw new IOException("bad #xx escape in a name at byte " + in.getPosition());
                }
                c = hi << 4 | lo;
            }
            b.write(c);
            if (b.size() > 256) {
                throw new IOException("name too long at byte " + in.getPosition());
            }
            c = in.peek();
        }
        return COSName.getPDFName(b.toByteArray());
    }

    private COSString literal() throws IOException {
        in.read();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int nesting = 1;
        while (true) {
            int c = in.read();
            if (c == -1) {
                throw new IOException("unterminated string");
            }
            if (c == '\\') {
                c = in.read();
                switch (c) {
                    case 'n' -> c = '\n';
                    case 'r' -> c = '\r';
                    case 't' -> c = '\t';
                    case 'b' -> c = '\b';
                    case 'f' -> c = '\f';
                    case '\r', '\n' -> {
                        if (c == '\r' && in.peek() == '\n') {
                            in.read();
                        }
                        continue;
                    }
                    default -> {
                        if (c >= '0' && c <= '7') {
                            int v = c - '0';
                            for (int i = 0; i < 2 && in.peek() >= '0' && in.peek() <= '7'; i++) {
                                v = v * 8 + (in.read() - '0');
                            }
                            c = v & 0xff;
                        } else if (c == -1) {
                            throw new IOException("unterminated string");
                        }
                    }
                }
            } else if (c == '(') {
                nesting++;
            } else if (c == ')' && --nesting == 0) {
                return new COSString(b.toByteArray());
            }
            b.write(c);
            if (b.size() > MAX_STRING) {
                throw new IOException("string too long");
            }
        }
    }

    private COSString hex() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int hi = -1;
        while (true) {
            int c = in.read();
            if (c == '>') {
                if (hi >= 0) {
                    b.write(hi << 4);
                }
                return new COSString(b.toByteArray());
            }
            if (isSpace(c)) {
                continue;
            }
            int v = Character.digit(c, 16);
            if (v < 0) {
                throw new IOException("bad hex string at byte " + in.getPosition());
            }
            if (hi < 0) {
                hi = v;
            } else {
                b.write(hi << 4 | v);
                hi = -1;
            }
            if (b.size() > MAX_STRING) {
                throw new IOException("string too long");
            }
        }
    }

    private COSBase numberOrReference() throws IOException {
        String first = number();
        if (first.indexOf('.') >= 0 || first.startsWith("+") || first.startsWith("-")) {
            return real(first);
        }
        long after = in.getPosition();
        // "n g R": look ahead, and go back when it is not a reference
        skipSpace();
        int c = in.peek();
        if (c >= '0' && c <= '9') {
            String second = number();
            skipSpace();
            if (second.indexOf('.') < 0 && in.peek() == 'R') {
                in.read();
                int next = in.peek();
                if (next == -1 || isSpace(next) || isDelimiter(next)) {
                    return new COSObject(COSNull.NULL, new COSObjectKey(parse(first), (int) parse(second)));
                }
            }
        }
        in.seek(after);
        return COSInteger.get(parse(first));
    }

    private String number() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c = in.peek();
        while ((c >= '0' && c <= '9') || c == '.' || ((c == '+' || c == '-') && sb.length() == 0)) {
            sb.append((char) in.read());
            if (sb.length() > 32) {
                throw new IOException("number too long at byte " + in.getPosition());
            }
            c = in.peek();
        }
        return sb.toString();
    }

    private static long parse(String digits) throws IOException {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IOException("bad number " + digits);
        }
    }

    private static COSBase real(String s) throws IOException {
        try {
            if (s.indexOf('.') < 0) {
                return COSInteger.get(Long.parseLong(s));
            }
            return new COSFloat(Float.parseFloat(s.equals(".") || s.endsWith("-.") ? "0" : s));
        } catch (NumberFormatException e) {
            throw new IOException("bad number " + s);
        }
    }

    static boolean isSpace(int c) {
        return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
    }

    static boolean isDelimiter(int c) {
        return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}'
                || c == '/' || c == '%';
    }
}
