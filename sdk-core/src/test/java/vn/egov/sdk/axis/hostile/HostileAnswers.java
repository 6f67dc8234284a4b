package vn.egov.sdk.axis.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import vn.egov.sdk.axis.hostile.HostileServer.Behaviour;

/** The answers of {@link HostileServer}: well-formed JSON, raw bytes, resets, hangs and dribbles. */
final class HostileAnswers {
    private HostileAnswers() {
    }

    /** A well-formed HTTP/1.1 answer with a JSON body and its exact length; the connection stays usable. */
    static Behaviour json(int status, String body) {
        return jsonBytes(status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Like {@link #json(int, String)} with the body's bytes as given (invalid UTF-8 included). */
    static Behaviour jsonBytes(int status, byte[] body) {
        return (request, socket, out) -> {
            out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            return true;
        };
    }

    /** These bytes (ISO-8859-1), then the connection is closed. */
    static Behaviour thenClose(String raw) {
        return (request, socket, out) -> {
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            return false;
        };
    }

    /** These bytes, then these, then the connection is closed. */
    static Behaviour thenClose(String head, byte[] body) {
        return (request, socket, out) -> {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            return false;
        };
    }

    /** These bytes, then nothing more while the connection stays open (until the client gives up). */
    static Behaviour thenHang(String raw) {
        return (request, socket, out) -> {
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(10_000);
            return false;
        };
    }

    /** A TCP reset (linger 0) instead of an answer. */
    static Behaviour reset() {
        return (request, socket, out) -> {
            socket.setSoLinger(true, 0);
            socket.close();
            return false;
        };
    }

    /** A well-formed answer whose body comes one byte every {@code everyMillis}, for longer than any deadline. */
    static Behaviour dribble(String body, long everyMillis) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (request, socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(everyMillis);
            }
            return false;
        };
    }

    /** A chunked answer whose chunks are given raw (size lines included). */
    static Behaviour chunked(String rawChunks, boolean hang) {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        return hang ? thenHang(head + rawChunks) : thenClose(head + rawChunks);
    }

    /** {@code n} nested arrays. */
    static String nested(int n) {
        return "[".repeat(n) + "]".repeat(n);
    }

    /** A valid JSON object of at least {@code bytes} bytes. */
    static String huge(int bytes) {
        return "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"success\":true,\"pad\":\"" + "a".repeat(bytes) + "\"}";
    }

    /** Concatenates byte arrays. */
    static byte[] bytes(String a, byte[] b, String c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(b);
        out.writeBytes(c.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
