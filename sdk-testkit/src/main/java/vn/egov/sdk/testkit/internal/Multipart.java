package vn.egov.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulators' small {@code multipart/form-data} parser: part name → content bytes. Parts are delimited by
 * {@code CRLF--boundary}, so a part's content may hold {@code --boundary} elsewhere; parsing stops at the closing
 * delimiter or at the first malformed part, keeping the parts before it.
 */
public final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?<![\\w-])name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * One part.
     *
     * @param name the form name
     * @param fileName the {@code filename}, when the part has one
     * @param content the content bytes
     */
    public record Part(String name, Optional<String> fileName, byte[] content) {
        /**
         * Copies the content.
         *
         * @param name the form name
         * @param fileName the file name, if any
         * @param content the content
         */
        public Part {
            content = content.clone();
        }

        /**
         * The content.
         *
         * @return a copy of the bytes
         */
        @Override
        public byte[] content() {
            return content.clone();
        }

        /**
         * The content as UTF-8 text.
         *
         * @return the text
         */
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    /**
     * Parses a body.
     *
     * @param contentType the request's {@code Content-Type}
     * @param body the body
     * @return the parts by name in order (the first of a name wins), empty when the body is not multipart
     */
    public static Map<String, Part> parse(String contentType, byte[] body) {
        Map<String, Part> parts = new LinkedHashMap<>();
        String type = contentType == null ? "" : contentType;
        Matcher m = BOUNDARY.matcher(type);
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/") || !m.find()) {
            return parts;
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] separator = ("\r\n--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length;
            if (headersStart + 2 > body.length || body[headersStart] == '-') {
                break;
            }
            int headersEnd = indexOf(body, HEADERS_END, headersStart);
            if (headersEnd < 0) {
                break;
            }
            int contentStart = headersEnd + HEADERS_END.length;
            int next = indexOf(body, separator, contentStart);
            if (next < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            Matcher name = NAME.matcher(headers);
            if (name.find()) {
                Matcher file = FILE_NAME.matcher(headers);
                parts.putIfAbsent(name.group(1), new Part(name.group(1),
                        file.find() ? Optional.of(file.group(1)) : Optional.empty(),
                        Arrays.copyOfRange(body, contentStart, next)));
            }
            at = next + 2;
        }
        return parts;
    }

    /**
     * The content of the part with the given form name.
     *
     * @param contentType the request's {@code Content-Type}
     * @param body the request body
     * @param partName the form name
     * @return the part's bytes, or empty when the body is not multipart or has no such part
     */
    public static Optional<byte[]> part(String contentType, byte[] body, String partName) {
        return Optional.ofNullable(parse(contentType, body).get(partName)).map(Part::content);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
