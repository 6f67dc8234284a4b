package vn.egov.sdk.identity.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict percent-decoding of query text ({@code application/x-www-form-urlencoded}: {@code +} is a space): every
 * {@code %} must be followed by two hex digits and the bytes must be well-formed UTF-8; otherwise empty.
 */
public final class QueryDecoder {
    private QueryDecoder() {
    }

    /** Decodes one name or value, or empty when the encoding is broken. */
    public static Optional<String> decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && (!plusIsSpace || text.indexOf('+') < 0)) {
            return Optional.of(text);
        }
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0 || !isAsciiHex(text.charAt(i + 1)) || !isAsciiHex(text.charAt(i + 2))) {
                    return Optional.empty();
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '%' && text.charAt(end) != '+') {
                    end++;
                }
                String run = text.substring(i, end);
                if (!StandardCharsets.UTF_8.newEncoder().canEncode(run)) {
                    return Optional.empty();
                }
                bytes.put(run.getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Whether text holds a control character (C0, DEL, C1) or a line or paragraph separator. */
    public static boolean hasControl(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
    }
}
