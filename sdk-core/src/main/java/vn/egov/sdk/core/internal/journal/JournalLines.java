package vn.egov.sdk.core.internal.journal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The line framing every journal shares: {@code <crc32 as 8 lowercase hex digits>\t<body>\n}, the CRC-32 taken over
 * the body's UTF-8 bytes; and an escape that keeps any text (Vietnamese in NFC or NFD included) on one line
 * byte-exactly.
 */
public final class JournalLines {
    private JournalLines() {
    }

    /**
     * The line of a body, with its CRC and newline.
     *
     * @param body the record's fields, without tab-free guarantees checked
     * @return the line
     */
    public static String frame(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return String.format("%08x", crc(bytes, 0, bytes.length)) + "\t" + body + "\n";
    }

    /**
     * The verified body of the line {@code buf[from, to)} (without its newline), or empty when those bytes are not
     * one whole line whose checksum matches.
     *
     * @param buf the file's bytes
     * @param from the first byte of the line
     * @param to the end of the line (exclusive)
     * @return the body
     */
    public static Optional<String> unframe(byte[] buf, int from, int to) {
        if (to - from < 10 || buf[from + 8] != '\t') {
            return Optional.empty();
        }
        long expected = 0;
        for (int i = from; i < from + 8; i++) {
            int d = Character.digit(buf[i], 16);
            if (d < 0 || Character.isUpperCase(buf[i])) {
                return Optional.empty();
            }
            expected = (expected << 4) | d;
        }
        if (crc(buf, from + 9, to) != expected) {
            return Optional.empty();
        }
        return Optional.of(new String(buf, from + 9, to - from - 9, StandardCharsets.UTF_8));
    }

    /**
     * Text for one field: backslash, tab, newline and carriage return escaped, and a lone surrogate (which UTF-8
     * cannot hold) written as a backslash, {@code u} and four hex digits; everything else kept as it is, so any
     * Java string comes back equal.
     *
     * @param text any text
     * @return the field
     */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\t' -> s.append("\\t");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        s.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /**
     * The text of an {@link #escape}d field.
     *
     * @param field the field
     * @return the text
     * @throws IllegalArgumentException for an escape this version does not write (the caller treats the record
     *         as damaged)
     */
    public static String unescape(String field) {
        StringBuilder s = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char n = ++i < field.length() ? field.charAt(i) : '?';
            switch (n) {
                case '\\' -> s.append('\\');
                case 't' -> s.append('\t');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 'u' -> {
                    if (i + 5 > field.length()) {
                        throw new IllegalArgumentException("short escape");
                    }
                    s.append((char) Integer.parseInt(field.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape");
            }
        }
        return s.toString();
    }

    /**
     * Text safe for one log line: control characters become {@code ?}, and at most 200 characters are kept.
     *
     * @param text any text
     * @return the printable text
     */
    public static String printable(String text) {
        StringBuilder s = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && s.length() < 200; i++) {
            char c = text.charAt(i);
            s.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.toString();
    }

    private static long crc(byte[] buf, int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(buf, from, to - from);
        return crc.getValue();
    }
}
