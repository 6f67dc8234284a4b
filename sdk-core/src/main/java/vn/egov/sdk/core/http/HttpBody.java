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
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
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

    /**
     * The media type, for example {@code application/json; charset=utf-8}.
     *
     * @return the media type
     */
    public String contentType() {
        return contentType;
    }

    /**
     * The length in bytes.
     *
     * @return the length, or -1 when unknown
     */
    public abstract long contentLength();

    /**
     * Writes the body; called once per attempt.
     *
     * @param out where the body goes (not closed)
     * @throws IOException when the body cannot be read or written
     */
    public abstract void writeTo(OutputStream out) throws IOException;

    /**
     * The bytes, if this body is held in memory (used for logging at trace level).
     *
     * @return the bytes, or empty for a streamed body
     */
    public Optional<byte[]> inMemoryBytes() {
        return Optional.empty();
    }

    /**
     * A body of the given bytes (copied).
     *
     * @param bytes the bytes
     * @param contentType the media type
     * @return the body
     */
    public static HttpBody ofBytes(byte[] bytes, String contentType) {
        return new BytesBody(bytes.clone(), contentType);
    }

    /**
     * A UTF-8 text body.
     *
     * @param text the text
     * @param contentType the media type
     * @return the body
     */
    public static HttpBody ofString(String text, String contentType) {
        return new BytesBody(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /**
     * A JSON body from already-serialised JSON text.
     *
     * @param jsonText the JSON text
     * @return the body, {@code application/json; charset=utf-8}
     */
    public static HttpBody json(String jsonText) {
        return ofString(jsonText, "application/json; charset=utf-8");
    }

    /**
     * An {@code application/x-www-form-urlencoded} body, fields in the map's iteration order.
     *
     * @param fields the fields
     * @return the body
     */
    public static HttpBody form(Map<String, String> fields) {
        StringJoiner joiner = new StringJoiner("&");
        fields.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return ofString(joiner.toString(), "application/x-www-form-urlencoded");
    }

    /**
     * A body streamed from a file on each attempt.
     *
     * @param file the file, read when the body is written
     * @param contentType the media type
     * @return the body
     */
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
     * fixed one (for byte-exact tests). The framing is OkHttp's {@link okhttp3.MultipartBody}.
     *
     * @return a new builder
     */
    public static MultipartBuilder multipart() {
        return new MultipartBuilder();
    }

    /**
     * Builds a {@code multipart/form-data} body with OkHttp's {@link okhttp3.MultipartBody}; see
     * {@link HttpBody#multipart()}. Not thread-safe.
     *
     * <p>Part names and file names are written in quoted strings of {@code Content-Disposition}, escaped as the
     * WHATWG HTML standard (and browsers) do: {@code "} as {@code %22}, CR as {@code %0D}, LF as {@code %0A}; other
     * characters are written as UTF-8. Field values are written as UTF-8 without a {@code Content-Type}.
     */
    public static final class MultipartBuilder {
        private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'+_.-]{1,70}");
        private final List<MultipartBody.Part> parts = new ArrayList<>();
        private boolean hasFile;
        private String boundary;

        private MultipartBuilder() {
        }

        /**
         * Sets a fixed boundary instead of a random one.
         *
         * @param value 1 to 70 ASCII letters, digits and {@code '+_.-} (characters valid both in an RFC 2046
         *        boundary and unquoted in the {@code Content-Type} parameter)
         * @return this builder
         * @throws ValidationException when the value is not such a boundary
         */
        public MultipartBuilder boundary(String value) {
            if (value == null || !BOUNDARY.matcher(value).matches()) {
                throw ValidationException.of("http.multipart.boundary", "HttpBody.boundary",
                        "a multipart boundary is 1 to 70 ASCII letters, digits and '+_.-");
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
            parts.add(MultipartBody.Part.createFormData(name, value));
            return this;
        }

        /**
         * Adds a file part, streamed from {@code file} on every attempt.
         *
         * @param partName the form field name
         * @param fileName the file name announced in {@code Content-Disposition}
         * @param contentType the part's media type
         * @param file the file; read when the body is written, not now
         * @return this builder
         * @throws ValidationException when the media type is not one (a line break, no {@code /})
         */
        public MultipartBuilder file(String partName, String fileName, String contentType, Path file) {
            ValidationException.requireNonNull(partName, "HttpBody.partName");
            ValidationException.requireNonNull(fileName, "HttpBody.fileName");
            ValidationException.requireNonNull(contentType, "HttpBody.contentType");
            ValidationException.requireNonNull(file, "HttpBody.file");
            MediaType type = MediaType.parse(contentType);
            if (type == null || contentType.indexOf('\r') >= 0 || contentType.indexOf('\n') >= 0) {
                throw ValidationException.of("http.multipart.contentType", "HttpBody.contentType",
                        "a part's media type must be type/subtype without line breaks");
            }
            parts.add(MultipartBody.Part.createFormData(partName, fileName, new FilePart(file, type)));
            hasFile = true;
            return this;
        }

        /**
         * Builds the body.
         *
         * @return the body, {@code multipart/form-data; boundary=...}
         * @throws ValidationException when no part was added
         */
        public HttpBody build() {
            if (parts.isEmpty()) {
                throw ValidationException.of("http.multipart.empty", "HttpBody.parts",
                        "a multipart body needs at least one part");
            }
            MultipartBody.Builder b = new MultipartBody.Builder(boundary != null ? boundary
                    : "egov-" + UUID.randomUUID()).setType(MultipartBody.FORM);
            parts.forEach(b::addPart);
            return new Multipart(b.build(), hasFile);
        }
    }

    /** OkHttp's multipart body as an {@link HttpBody}. */
    private static final class Multipart extends HttpBody {
        private final MultipartBody body;
        private final boolean hasFile;

        Multipart(MultipartBody body, boolean hasFile) {
            super(String.valueOf(body.contentType()));
            this.body = body;
            this.hasFile = hasFile;
        }

        @Override
        public long contentLength() {
            try {
                return body.contentLength();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            BufferedSink sink = Okio.buffer(Okio.sink(out));
            body.writeTo(sink);
            sink.emit();
        }

        @Override
        public Optional<byte[]> inMemoryBytes() {
            if (hasFile) {
                return Optional.empty();
            }
            try (Buffer buffer = new Buffer()) {
                body.writeTo(buffer);
                return Optional.of(buffer.readByteArray());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /** A file part read from disk on every write; its length is unknown (-1) while the file cannot be read. */
    private static final class FilePart extends RequestBody {
        private final Path file;
        private final MediaType type;

        FilePart(Path file, MediaType type) {
            this.file = file;
            this.type = type;
        }

        @Override
        public MediaType contentType() {
            return type;
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
        public void writeTo(BufferedSink sink) throws IOException {
            try (Source source = Okio.source(Files.newInputStream(file))) {
                sink.writeAll(source);
            }
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
