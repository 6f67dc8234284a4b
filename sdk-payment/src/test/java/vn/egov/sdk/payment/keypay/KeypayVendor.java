package vn.egov.sdk.payment.keypay;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentGateway;

/** A vendor's callback endpoint on a JDK HttpServer: hands each body to handleCallback and counts the effects. */
final class KeypayCallbackServer implements AutoCloseable {
    private final HttpServer server;
    final List<CallbackOutcome> outcomes = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();

    KeypayCallbackServer(PaymentGateway gateway) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/keypay/callback", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(1024 * 1024);
            }
            CallbackOutcome outcome = gateway.handleCallback(body, record ->
                    effects.computeIfAbsent(record.reference(), k -> new AtomicInteger()).incrementAndGet(),
                    Instant.now());
            outcomes.add(outcome);
            byte[] reply = outcome.reply().body();
            exchange.getResponseHeaders().add("Content-Type", outcome.reply().contentType());
            exchange.sendResponseHeaders(outcome.reply().httpStatus(), reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/keypay/callback");
    }

    int effects(String reference) {
        AtomicInteger n = effects.get(reference);
        return n == null ? 0 : n.get();
    }

    /** Waits until at least n callbacks were handled. */
    void await(int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (outcomes.size() < n && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        if (outcomes.size() < n) {
            throw new AssertionError("expected " + n + " callbacks, got " + outcomes.size());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
