package vn.egov.sdk.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.payment.PaymentGateway;

/**
 * A vendor's payment callback endpoint on the JDK's own HTTP server: each POST body is handed, byte for byte, to
 * {@link PaymentGateway#handleCallback} and the gateway's reply is sent back; what arrived and what the gateway made
 * of it are kept for {@link #await(Duration)}.
 */
final class PaymentCallbackEndpoint implements AutoCloseable {
    static final String PATH = "/payments/dvcqg/callback";
    private static final int MAX_BODY = 64 * 1024;

    /** One callback: the exact bytes received and the gateway's outcome, or why it could not be handled. */
    record Received(byte[] body, CallbackOutcome outcome, String error) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final PaymentGateway gateway;
    private final PaymentEffect effect;
    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private PaymentCallbackEndpoint(PaymentGateway gateway, PaymentEffect effect) throws IOException {
        this.gateway = gateway;
        this.effect = effect;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, this::handle);
    }

    /** Starts an endpoint on a free port of the loopback interface. */
    static PaymentCallbackEndpoint start(PaymentGateway gateway, PaymentEffect effect) {
        try {
            PaymentCallbackEndpoint endpoint = new PaymentCallbackEndpoint(gateway, effect);
            endpoint.server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the callback endpoint", e);
        }
    }

    /** The URL the payment system is told to call. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** Waits for the next callback, at most {@code timeout}; throws when none came. */
    Received await(Duration timeout) {
        try {
            Received r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new IllegalStateException("no callback arrived at " + url() + " within " + timeout.toSeconds()
                        + " s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the callback", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=UTF-8", "POST only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readNBytes(MAX_BODY + 1);
            }
            if (raw.length > MAX_BODY) {
                send(exchange, 413, "text/plain; charset=UTF-8", "too large".getBytes(StandardCharsets.UTF_8));
                received.add(new Received(raw, null, "a body over " + MAX_BODY + " bytes"));
                return;
            }
            CallbackOutcome outcome;
            try {
                outcome = gateway.handleCallback(raw, effect, Instant.now());
            } catch (RuntimeException e) {
                // the effect failed (the payment stays pending): answer an error so the system sends it again
                send(exchange, 500, "text/plain; charset=UTF-8", "not processed".getBytes(StandardCharsets.UTF_8));
                received.add(new Received(raw, null, e.toString()));
                return;
            }
            send(exchange, outcome.reply().httpStatus(), outcome.reply().contentType(), outcome.reply().body());
            received.add(new Received(raw, outcome, null));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
