package vn.egov.sdk.identity;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK HTTP server answering each path with what a test set, counting requests per path. */
final class OpServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    OpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            String[] a = answers.getOrDefault(path, new String[] {"404", "{\"error\":\"not_found\"}"});
            byte[] b = a[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(a[0]), b.length == 0 ? -1 : b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, int status, String body) {
        answers.put(path, new String[] {Integer.toString(status), body});
    }

    int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
