package vn.egov.sdk.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The body of a request. Every body made by these factories is repeatable (it can be written again on a retry);
 * a file body is streamed from disk on each attempt and never held in memory.
 */
public abstract class HttpBody {
    private final String contentType;

    /**
     * @param contentType the media type sent as {@code Content-Type}
     */
    protected HttpBody(String contentType) {
        this.contentType = Objects.requireNonNull(contentType, "contentType");
    }

    /** The media type, for example {@code application/json; charset=utf-8}. */
    public String contentType() {
        return contentType;
    }

    /** The length in bytes, or -1 when unknown. */
    public abstract long contentLength();

    /** Writes the body; called once per attempt. */
    public abstract void writeTo(OutputStream out) throws IOException;

    /** The bytes, if this body is held in memory (used for logging at trace level). */
    public Optional<byte[]> inMemoryBytes() {
        return Optional.empty();
    }

    /** A body of the given bytes (copied). */
    public static HttpBody ofBytes(byte[] bytes, String contentType) {
        return new BytesBody(bytes.clone(), contentType);
    }

    /** A UTF-8 text body. */
    public static HttpBody ofString(String text, String contentType) {
        return new BytesBody(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** A JSON body from already-serialised JSON text. */
    public static HttpBody json(String jsonText) {
        return ofString(jsonText, "application/json; charset=utf-8");
    }

    /** An {@code application/x-www-form-urlencoded} body, fields in the map's iteration order. */
    public static HttpBody form(Map<String, String> fields) {
        StringJoiner joiner = new StringJoiner("&");
        fields.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return ofString(joiner.toString(), "application/x-www-form-urlencoded");
    }

    /** A body streamed from a file on each attempt. */
    public static HttpBody ofFile(Path file, String contentType) {
        return new FileBody(file, contentType);
    }

    private static final class BytesBody extends HttpBody {
        private final byte[] bytes;

        BytesBody(byte[] bytes, String contentType) {
            super(contentType);
            this.bytes = bytes;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }

        @Override
        public Optional<byte[]> inMemoryBytes() {
            return Optional.of(bytes);
        }
    }

    private static final class FileBody extends HttpBody {
        private final Path file;

        FileBody(Path file, String contentType) {
            super(contentType);
            this.file = Objects.requireNonNull(file, "file");
        }

        @Override
        public long contentLength() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        }
    }
}
