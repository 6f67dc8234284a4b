package vn.egov.sdk.identity;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK HTTP server serving a JWK set that a test changes at will, counting the requests it receives. */
final class JwksServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile byte[] body;
    private volatile int status = 200;
    private volatile String contentType = "application/json";

    JwksServer(String jwks) throws IOException {
        this.body = jwks.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] b = body;
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sso/jwks";
    }

    void serve(String jwks) {
        serve(200, jwks);
    }

    void serve(int newStatus, String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        this.status = newStatus;
    }

    void serve(byte[] raw, String type) {
        this.body = raw;
        this.status = 200;
        this.contentType = type;
    }

    int requests() {
        return requests.get();
    }

    /** Stops listening: the port refuses connections from now on. */
    @Override
    public void close() {
        server.stop(0);
    }
}
