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
 * A {@code multipart/form-data} body with one file part, streamed from disk on every attempt (the package is never
 * held in memory). Repeatable.
 */
public final class VdxpMultipartBody extends HttpBody {
    private final Path file;
    private final byte[] head;
    private final byte[] tail;

    private VdxpMultipartBody(String boundary, String partName, String fileName, String partType, Path file) {
        super("multipart/form-data; boundary=" + boundary);
        this.file = Objects.requireNonNull(file, "file");
        this.head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + partName + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A body holding one file part.
     *
     * @param partName the form field name ({@code file_doc})
     * @param fileName the file name announced
     * @param partType the part's media type ({@code application/octet-stream})
     * @param file the file streamed on each attempt
     * @return the body
     */
    public static VdxpMultipartBody of(String partName, String fileName, String partType, Path file) {
        return new VdxpMultipartBody("vdxp-" + UUID.randomUUID(), partName, fileName, partType, file);
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
