package vn.egov.sdk.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One HTTP/1.1 exchange over a bare socket, recording exactly what came back: the bytes before the connection
 * ended and whether it ended with an error. Lets fault tests see a reset or an empty answer as such, without
 * an HTTP client's own retries in between. The connection is kept alive (so a body would be chunked), and the
 * read waits for the server to close it: use it only for requests a fault ends.
 */
final class RawHttp {

    /** What the server sent and how the connection ended. */
    record Outcome(byte[] received, Optional<IOException> failure) {
        String text() {
            return new String(received, StandardCharsets.ISO_8859_1);
        }
    }

    private RawHttp() {
    }

    static Outcome get(NationalSandbox sandbox, String pathAndQuery, String bearerToken) {
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + sandbox.port() + "\r\n"
                + "Authorization: Bearer " + bearerToken + "\r\n\r\n";
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", sandbox.port()), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
            return new Outcome(received.toByteArray(), Optional.empty());
        } catch (IOException e) {
            return new Outcome(received.toByteArray(), Optional.of(e));
        }
    }
}
