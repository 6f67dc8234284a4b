package vn.egov.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small {@code multipart/form-data} parser for the LGSP simulator: part name → content bytes. */
public final class LgspMultipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /** One part. */
    public record Part(String name, Optional<String> fileName, byte[] content) {
        /** Copies the content. */
        public Part {
            content = content.clone();
        }

        /** The content as a copy. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        /** The content as UTF-8 text. */
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private LgspMultipart() {
    }

    /**
     * Parses a body.
     *
     * @param contentType the request's {@code Content-Type}
     * @param body the body
     * @return the parts by name (first wins), empty when the body is not multipart
     */
    public static Map<String, Part> parse(String contentType, byte[] body) {
        Map<String, Part> parts = new LinkedHashMap<>();
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") || !m.find()) {
            return parts;
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headerEnd < 0 || headerEnd > next) {
                break;
            }
            String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headerEnd + 4, Math.max(headerEnd + 4, next - 2));
            Matcher name = NAME.matcher(headers);
            if (name.find()) {
                Matcher file = FILE_NAME.matcher(headers);
                parts.putIfAbsent(name.group(1), new Part(name.group(1),
                        file.find() ? Optional.of(file.group(1)) : Optional.empty(), content));
            }
            pos = next;
        }
        return parts;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
