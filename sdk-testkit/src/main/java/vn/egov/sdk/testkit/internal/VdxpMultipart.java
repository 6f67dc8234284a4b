package vn.egov.sdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts one named part from a {@code multipart/form-data} body. */
public final class VdxpMultipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

    private VdxpMultipart() {
    }

    /**
     * The content of the part with the given form name.
     *
     * @param contentType the request's {@code Content-Type}
     * @param body the request body
     * @param partName the form name ({@code file_doc})
     * @return the part's bytes, or empty when the body is not multipart or has no such part
     */
    public static Optional<byte[]> part(String contentType, byte[] body, String partName) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/") || !m.find()) {
            return Optional.empty();
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] separator = ("\r\n--" + m.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length;
            if (headersStart + 2 > body.length || body[headersStart] == '-') {
                return Optional.empty();
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                return Optional.empty();
            }
            int contentStart = headersEnd + 4;
            int next = indexOf(body, separator, contentStart);
            if (next < 0) {
                return Optional.empty();
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            Matcher name = NAME.matcher(headers);
            if (name.find() && name.group(1).equals(partName)) {
                return Optional.of(Arrays.copyOfRange(body, contentStart, next));
            }
            at = next + 2;
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
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
