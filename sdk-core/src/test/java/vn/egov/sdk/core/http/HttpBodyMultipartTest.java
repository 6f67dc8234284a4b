package vn.egov.sdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.ValidationException;

/** {@link HttpBody#multipart()} (OkHttp's MultipartBody): wire format, streaming, repeatability, boundary and name escaping. */
class HttpBodyMultipartTest {
    @TempDir
    Path dir;

    private static String written(HttpBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fieldsAndFilesAreWrittenInOrderWithAFixedBoundaryAndAnExactLength() throws IOException {
        Path file = Files.writeString(dir.resolve("a.edxml"), "<edXML>xin chào</edXML>");
        HttpBody body = HttpBody.multipart().boundary("b-1")
                .field("messageType", "edoc")
                .file("edocFile", "a.edxml", "application/xml", file)
                .build();

        String expected = "--b-1\r\n"
                + "Content-Disposition: form-data; name=\"messageType\"\r\n\r\n"
                + "edoc\r\n"
                + "--b-1\r\n"
                + "Content-Disposition: form-data; name=\"edocFile\"; filename=\"a.edxml\"\r\n"
                + "Content-Type: application/xml\r\n\r\n"
                + "<edXML>xin chào</edXML>\r\n"
                + "--b-1--\r\n";
        assertEquals("multipart/form-data; boundary=b-1", body.contentType());
        assertEquals(expected, written(body));
        assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, body.contentLength());
        assertTrue(body.inMemoryBytes().isEmpty());
    }

    @Test
    void theFileIsStreamedAgainOnEveryAttempt() throws IOException {
        Path file = Files.writeString(dir.resolve("p.bin"), "first");
        HttpBody body = HttpBody.multipart().file("file_doc", "edoc.edxml", "application/octet-stream", file).build();

        String once = written(body);
        assertEquals(once, written(body));
        Files.writeString(file, "second, longer");
        String again = written(body);
        assertTrue(again.contains("\r\n\r\nsecond, longer\r\n--"), again);
        assertEquals(again.getBytes(StandardCharsets.UTF_8).length, body.contentLength());
    }

    @Test
    void theFileIsCopiedThroughNotReadWhole() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024];
        Path file = Files.write(dir.resolve("big.bin"), big);
        HttpBody body = HttpBody.multipart().boundary("x").file("f", "big.bin", "application/octet-stream", file)
                .build();
        long[] written = {0};
        body.writeTo(new OutputStream() {
            @Override
            public void write(int b) {
                written[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written[0] += len;
            }
        });
        assertEquals(body.contentLength(), written[0]);
    }

    @Test
    void aMissingFileHasNoKnownLengthAndFailsWhenWritten() {
        HttpBody body = HttpBody.multipart().file("f", "x", "text/plain", dir.resolve("missing")).build();
        assertEquals(-1, body.contentLength());
        assertThrows(IOException.class, () -> written(body));
    }

    @Test
    void theBoundaryIsRandomPerBodyUnlessSet() throws IOException {
        HttpBody a = HttpBody.multipart().field("n", "v").build();
        HttpBody b = HttpBody.multipart().field("n", "v").build();
        assertNotEquals(a.contentType(), b.contentType());
        String boundary = a.contentType().substring(a.contentType().indexOf("boundary=") + 9);
        assertTrue(boundary.startsWith("egov-"), boundary);
        assertTrue(written(a).startsWith("--" + boundary + "\r\n"));
        assertTrue(written(a).endsWith("\r\n--" + boundary + "--\r\n"));
    }

    @Test
    void anInvalidBoundaryIsRefused() {
        assertThrows(ValidationException.class, () -> HttpBody.multipart().boundary(""));
        assertThrows(ValidationException.class, () -> HttpBody.multipart().boundary("a b"));
        assertThrows(ValidationException.class, () -> HttpBody.multipart().boundary("a\"b"));
        assertThrows(ValidationException.class, () -> HttpBody.multipart().boundary("x".repeat(71)));
        HttpBody.multipart().boundary("x".repeat(70));
    }

    @Test
    void namesAndFileNamesAreEscapedInContentDisposition() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "c");
        HttpBody body = HttpBody.multipart().boundary("b")
                .field("a\"b\r\nc", "v")
                .file("p", "evil\".edxml\r\nX-Injected: 1", "application/xml", file)
                .build();
        String text = written(body);
        assertTrue(text.contains("name=\"a%22b%0D%0Ac\"\r\n"), text);
        assertTrue(text.contains("filename=\"evil%22.edxml%0D%0AX-Injected: 1\"\r\n"), text);
        assertTrue(!text.contains("\r\nX-Injected"), text);
    }

    @Test
    void aFieldOnlyBodyIsInMemoryAndUtf8() throws IOException {
        HttpBody body = HttpBody.multipart().boundary("b").field("t", "Trích yếu").build();
        String expected = "--b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nTrích yếu\r\n--b--\r\n";
        assertEquals(expected, written(body));
        assertEquals(expected, new String(body.inMemoryBytes().orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, body.contentLength());
    }

    @Test
    void emptyBodiesAndLineBreaksInMediaTypesAreRefused() {
        assertThrows(ValidationException.class, () -> HttpBody.multipart().build());
        assertThrows(ValidationException.class,
                () -> HttpBody.multipart().file("p", "f", "text/plain\r\nX: y", dir.resolve("f")));
    }
}
