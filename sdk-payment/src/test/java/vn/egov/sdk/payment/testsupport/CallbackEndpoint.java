package vn.egov.sdk.payment.testsupport;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.payment.PaymentGateway;

/**
 * A vendor's callback endpoint on a local JDK HTTP server: hands each body (up to 1 MiB) to a gateway's
 * {@code handleCallback} with a counting {@link #effect()}, answers with the outcome's reply, and keeps what
 * happened (raw bodies, outcomes, effects per reference).
 */
public final class CallbackEndpoint implements AutoCloseable {
    private static final int MAX_BODY = 1024 * 1024;

    private final HttpServer server;
    private final String path;
    private volatile Supplier<? extends PaymentGateway> gateway;
    private final List<String> rawBodies = new CopyOnWriteArrayList<>();
    private final List<CallbackOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final BlockingQueue<CallbackOutcome> unread = new LinkedBlockingQueue<>();
    private final AtomicInteger effectCount = new AtomicInteger();
    private final Map<String, AtomicInteger> effectsByReference = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PaymentEffect effect = record -> {
        effectsByReference.computeIfAbsent(record.reference(), k -> new AtomicInteger()).incrementAndGet();
        effectCount.incrementAndGet();
    };

    private CallbackEndpoint(String path, Supplier<? extends PaymentGateway> gateway) throws IOException {
        this.path = path;
        this.gateway = gateway;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, this::handle);
        server.start();
    }

    /**
     * Starts an endpoint.
     *
     * @param path the endpoint's path, for example {@code /dvc/confirm}
     * @param gateway the client whose {@code handleCallback} receives the bodies
     * @return the running endpoint
     */
    public static CallbackEndpoint start(String path, PaymentGateway gateway) {
        return start(path, () -> gateway);
    }

    /**
     * Starts an endpoint whose client is looked up for each callback (for a fixture whose client a test replaces).
     *
     * @param path the endpoint's path
     * @param gateway gives the client that receives the next body
     * @return the running endpoint
     */
    public static CallbackEndpoint start(String path, Supplier<? extends PaymentGateway> gateway) {
        try {
            return new CallbackEndpoint(path, gateway);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readNBytes(MAX_BODY);
        }
        rawBodies.add(new String(raw, StandardCharsets.UTF_8));
        CallbackOutcome outcome = gateway.get().handleCallback(raw, effect, Instant.now());
        outcomes.add(outcome);
        unread.add(outcome);
        byte[] reply = outcome.reply().body();
        exchange.getResponseHeaders().add("Content-Type", outcome.reply().contentType());
        exchange.sendResponseHeaders(outcome.reply().httpStatus(), reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    /**
     * Hands the next callbacks to another client (a test that switches to another configuration).
     *
     * @param value the client from now on
     */
    public void gateway(PaymentGateway value) {
        this.gateway = () -> value;
    }

    /**
     * The server, for a test that serves another page next to the endpoint (a return page).
     *
     * @return the running server
     */
    public HttpServer server() {
        return server;
    }

    /**
     * The URL to register with a simulator.
     *
     * @return {@code http://127.0.0.1:PORT/PATH}
     */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /**
     * The effect the endpoint applies, for a test that calls {@code handleCallback} itself and wants it counted
     * with the endpoint's.
     *
     * @return the counting effect
     */
    public PaymentEffect effect() {
        return effect;
    }

    /**
     * How many effects ran, in all.
     *
     * @return the live counter
     */
    public AtomicInteger effectCount() {
        return effectCount;
    }

    /**
     * How many effects ran for one payment.
     *
     * @param reference the payment's reference
     * @return the count, 0 if none
     */
    public int effects(String reference) {
        AtomicInteger n = effectsByReference.get(reference);
        return n == null ? 0 : n.get();
    }

    /**
     * Every outcome so far, in arrival order.
     *
     * @return the live list
     */
    public List<CallbackOutcome> outcomes() {
        return outcomes;
    }

    /**
     * Every body received so far, as UTF-8 text.
     *
     * @return the live list
     */
    public List<String> rawBodies() {
        return rawBodies;
    }

    /**
     * The next outcome not yet taken by this method, waiting up to 10 s.
     *
     * @return the outcome
     * @throws InterruptedException if interrupted while waiting
     */
    public CallbackOutcome nextOutcome() throws InterruptedException {
        CallbackOutcome o = unread.poll(10, TimeUnit.SECONDS);
        if (o == null) {
            throw new AssertionError("no callback arrived within 10 s");
        }
        return o;
    }

    /**
     * Whether no further outcome arrives within {@code wait}.
     *
     * @param wait how long to wait
     * @return {@code true} if none arrived
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean noMoreOutcomes(Duration wait) throws InterruptedException {
        return unread.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    /**
     * Waits up to 10 s until at least {@code n} callbacks were handled.
     *
     * @param n the number of callbacks
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitOutcomes(int n) throws InterruptedException {
        try {
            Await.until(() -> outcomes.size() >= n, n + " callbacks");
        } catch (AssertionError e) {
            throw new AssertionError("expected " + n + " callbacks, got " + outcomes.size(), e);
        }
    }

    /** Stops the server; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
        }
    }
}
