package vn.egov.sdk.signing.validation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import vn.egov.sdk.testkit.TestPki;

/**
 * A test-only HTTP server standing where a test PKI's certificates say OCSP and CRL are, answering whatever the
 * test sets: honest answers, forged ones, garbage, nothing (503). Lets tests play the attacker between the
 * validator and the CA.
 */
final class RogueResponder implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final AtomicReference<UnaryOperator<byte[]>> ocsp = new AtomicReference<>();
    private final AtomicReference<Supplier<byte[]>> crl = new AtomicReference<>();
    private final AtomicReference<Supplier<byte[]>> rootCrl = new AtomicReference<>();

    RogueResponder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext(TestPki.OCSP_PATH, ex -> {
            byte[] request = ex.getRequestBody().readAllBytes();
            UnaryOperator<byte[]> h = ocsp.get();
            answer(ex, h == null ? null : h.apply(request), "application/ocsp-response");
        });
        server.createContext(TestPki.CRL_PATH, ex -> {
            Supplier<byte[]> h = crl.get();
            answer(ex, h == null ? null : h.get(), "application/pkix-crl");
        });
        server.createContext(TestPki.ROOT_CRL_PATH, ex -> {
            Supplier<byte[]> h = rootCrl.get();
            answer(ex, h == null ? null : h.get(), "application/pkix-crl");
        });
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL to make the PKI with. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What OCSP answers to a request (DER); {@code null} for 503. */
    void ocsp(UnaryOperator<byte[]> answer) {
        ocsp.set(answer);
    }

    /** What the root's CRL address serves (the licensed CA's status); {@code null} for 503. */
    void rootCrl(Supplier<byte[]> answer) {
        rootCrl.set(answer);
    }

    /** What the CRL address serves; {@code null} for 503. */
    void crl(Supplier<byte[]> answer) {
        crl.set(answer);
    }

    private static void answer(HttpExchange ex, byte[] body, String type) throws IOException {
        try (ex) {
            if (body == null) {
                ex.sendResponseHeaders(503, -1);
                return;
            }
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            } catch (IOException clientWentAway) {
                // the validator stopped reading an oversized body: expected
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
