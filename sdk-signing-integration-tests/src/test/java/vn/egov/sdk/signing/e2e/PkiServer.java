package vn.egov.sdk.signing.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import vn.egov.sdk.testkit.TestPki;

/**
 * A test-only HTTP server for PKIs the sandbox does not serve (one made in the past, one whose OCSP answers the test
 * forges): each path answers a request body with whatever the test sets; an unset path or a {@code null} answer
 * is a 503.
 */
final class PkiServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final Map<String, UnaryOperator<byte[]>> routes = new ConcurrentHashMap<>();

    PkiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL to make a PKI with. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code path} with {@code answer(requestBody)}. */
    PkiServer route(String path, UnaryOperator<byte[]> answer) {
        routes.put(path, answer);
        return this;
    }

    /** Serves {@code pki}'s OCSP responder, CRLs and timestamp authority at the paths its certificates name. */
    PkiServer serve(TestPki pki) {
        return route(TestPki.OCSP_PATH, pki::ocspResponse).route(TestPki.CRL_PATH, ignored -> pki.crl())
                .route(TestPki.ROOT_CRL_PATH, ignored -> pki.rootCrl())
                .route(TestPki.TSA_PATH, pki::timestampResponse);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] request = ex.getRequestBody().readAllBytes();
            UnaryOperator<byte[]> route = routes.get(ex.getRequestURI().getPath());
            byte[] body = route == null ? null : route.apply(request);
            if (body == null) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            String path = ex.getRequestURI().getPath();
            ex.getResponseHeaders().add("Content-Type", path.endsWith("tsa") ? "application/timestamp-reply"
                    : path.endsWith(".crl") ? "application/pkix-crl" : "application/ocsp-response");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
