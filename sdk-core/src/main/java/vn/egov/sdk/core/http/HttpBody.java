package vn.egov.sdk.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.egov.sdk.core.ValidationException;

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
        this.contentType = ValidationException.requireNonNull(contentType, "HttpBody.contentType");
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

    /**
     * A builder of a {@code multipart/form-data} body (RFC 7578): text fields and file parts, in the order added.
     *
     * <pre>{@code
     * HttpBody body = HttpBody.multipart()
     *         .field("messageType", "edoc")
     *         .file("edocFile", "edoc.edxml", "application/xml", path)
     *         .build();
     * }</pre>
     *
     * <p>The body is repeatable: each file is opened and streamed from disk on every attempt, never held in memory.
     * Its {@link HttpBody#contentLength()} is known while every file's size can be read, -1 otherwise. The boundary
     * is random per body ({@code egov-} and a random UUID) unless {@link MultipartBuilder#boundary(String)} sets a
     * fixed one (for byte-exact tests).
     *
     * @return a new builder
     */
    public static MultipartBuilder multipart() {
        return new MultipartBuilder();
    }

    /**
     * Builds a {@code multipart/form-data} body; see {@link HttpBody#multipart()}. Not thread-safe.
     *
     * <p>Part names and file names are written in quoted strings of {@code Content-Disposition}, escaped as the
     * WHATWG HTML standard (and browsers) do: {@code "} as {@code %22}, CR as {@code %0D}, LF as {@code %0A}; other
     * characters are written as UTF-8. Field values are written as UTF-8 without a {@code Content-Type}.
     */
    public static final class MultipartBuilder {
        private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'+_.-]{1,70}");
        private final List<Part> parts = new ArrayList<>();
        private String boundary;

        private MultipartBuilder() {
        }

        /**
         * Sets a fixed boundary instead of a random one.
         *
         * @param value 1 to 70 ASCII letters, digits and {@code '+_.-} (characters valid both in an RFC 2046
         *        boundary and unquoted in the {@code Content-Type} parameter)
         * @return this builder
         * @throws IllegalArgumentException when the value is not such a boundary
         */
        public MultipartBuilder boundary(String value) {
            if (value == null || !BOUNDARY.matcher(value).matches()) {
                throw new IllegalArgumentException("a multipart boundary is 1 to 70 ASCII letters, digits and '+_.-");
            }
            this.boundary = value;
            return this;
        }

        /**
         * Adds a text field.
         *
         * @param name the form field name
         * @param value the value, written as UTF-8
         * @return this builder
         */
        public MultipartBuilder field(String name, String value) {
            ValidationException.requireNonNull(name, "HttpBody.name");
            ValidationException.requireNonNull(value, "HttpBody.value");
            parts.add(new Part(name, null, null, null, value));
            return this;
        }

        /**
         * Adds a file part, streamed from {@code file} on every attempt.
         *
         * @param partName the form field name
         * @param fileName the file name announced in {@code Content-Disposition}
         * @param contentType the part's media type (no line breaks)
         * @param file the file; read when the body is written, not now
         * @return this builder
         * @throws IllegalArgumentException when the media type holds a line break
         */
        public MultipartBuilder file(String partName, String fileName, String contentType, Path file) {
            ValidationException.requireNonNull(partName, "HttpBody.partName");
            ValidationException.requireNonNull(fileName, "HttpBody.fileName");
            ValidationException.requireNonNull(contentType, "HttpBody.contentType");
            ValidationException.requireNonNull(file, "HttpBody.file");
            if (contentType.indexOf('\r') >= 0 || contentType.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a part's media type must not contain line breaks");
            }
            parts.add(new Part(partName, fileName, contentType, file, null));
            return this;
        }

        /**
         * Builds the body.
         *
         * @return the body, {@code multipart/form-data; boundary=...}
         * @throws IllegalStateException when no part was added
         */
        public HttpBody build() {
            if (parts.isEmpty()) {
                throw new IllegalStateException("a multipart body needs at least one part");
            }
            String b = boundary != null ? boundary : "egov-" + UUID.randomUUID();
            List<Object> segments = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (Part p : parts) {
                text.append("--").append(b).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(quoted(p.name)).append('"');
                if (p.fileName != null) {
                    text.append("; filename=\"").append(quoted(p.fileName)).append('"');
                }
                text.append("\r\n");
                if (p.contentType != null) {
                    text.append("Content-Type: ").append(p.contentType).append("\r\n");
                }
                text.append("\r\n");
                if (p.file != null) {
                    segments.add(text.toString().getBytes(StandardCharsets.UTF_8));
                    segments.add(p.file);
                    text.setLength(0);
                } else {
                    text.append(p.value);
                }
                text.append("\r\n");
            }
            text.append("--").append(b).append("--\r\n");
            segments.add(text.toString().getBytes(StandardCharsets.UTF_8));
            return new MultipartBody("multipart/form-data; boundary=" + b, segments);
        }

        private static String quoted(String s) {
            return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        }

        private record Part(String name, String fileName, String contentType, Path file, String value) {
        }
    }

    /** Byte segments ({@code byte[]}) and file segments ({@link Path}), written in order. */
    private static final class MultipartBody extends HttpBody {
        private final List<Object> segments;

        MultipartBody(String contentType, List<Object> segments) {
            super(contentType);
            this.segments = List.copyOf(segments);
        }

        @Override
        public long contentLength() {
            long total = 0;
            for (Object s : segments) {
                if (s instanceof byte[] bytes) {
                    total += bytes.length;
                } else {
                    try {
                        total += Files.size((Path) s);
                    } catch (IOException e) {
                        return -1;
                    }
                }
            }
            return total;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            for (Object s : segments) {
                if (s instanceof byte[] bytes) {
                    out.write(bytes);
                } else {
                    try (InputStream in = Files.newInputStream((Path) s)) {
                        in.transferTo(out);
                    }
                }
            }
        }

        @Override
        public Optional<byte[]> inMemoryBytes() {
            return segments.size() == 1 ? Optional.of(((byte[]) segments.get(0)).clone()) : Optional.empty();
        }
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
            this.file = ValidationException.requireNonNull(file, "HttpBody.file");
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
