package vn.egov.sdk.axis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import vn.egov.sdk.core.http.HttpBody;

/**
 * The {@code multipart/form-data} body of {@code POST /v1/sendEdoc}: the text field {@code messageType} and the
 * file part {@code edocFile} ({@code application/xml}), streamed from disk on each attempt, never held in memory.
 */
public final class LgspMultipartBody extends HttpBody {
    private final Path file;
    private final byte[] head;
    private final byte[] tail;

    private LgspMultipartBody(String boundary, Path file, String fileName, String messageType) {
        super("multipart/form-data; boundary=" + boundary);
        this.file = Objects.requireNonNull(file, "file");
        String h = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"messageType\"\r\n\r\n"
                + messageType + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"edocFile\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/xml\r\n\r\n";
        this.head = h.getBytes(StandardCharsets.UTF_8);
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A body uploading {@code file}.
     *
     * @param file the edXML file
     * @param fileName the file name sent (ends with {@code .edxml}; no quotes or line breaks)
     * @param messageType {@code edoc} or {@code status}
     */
    public static LgspMultipartBody of(Path file, String fileName, String messageType) {
        if (fileName.matches(".*[\"\\r\\n].*")) {
            throw new IllegalArgumentException("file name must not contain quotes or line breaks");
        }
        return new LgspMultipartBody("lgsp-" + UUID.randomUUID(), file, fileName, messageType);
    }

    @Override
    public long contentLength() {
        try {
            return head.length + Files.size(file) + tail.length;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
        }
        out.write(tail);
    }
}
