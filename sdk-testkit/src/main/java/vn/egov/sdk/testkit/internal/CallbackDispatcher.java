package vn.egov.sdk.testkit.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.egov.sdk.testkit.CallbackDelivery;

/**
 * Sends the payment simulators' server callbacks to vendors' URLs, as each system's delivery plan says (now, late,
 * duplicated, out of order, never), on its own daemon threads, and keeps one bounded log of every attempt and the
 * vendor's answer. The sandbox holds one dispatcher shared by every payment simulator, so its log shows all their
 * callbacks and {@link #reset} forgets them all. Thread-safe; {@link #close} stops pending deliveries.
 */
public final class CallbackDispatcher implements AutoCloseable {
    private static final int LOG_LIMIT = 1_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sandbox-payment-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final List<Attempt> log = new ArrayList<>();
    private final Map<String, CallbackDelivery> plans = new ConcurrentHashMap<>();

    /**
     * One delivery attempt.
     *
     * @param system the simulator's name, for example {@code dvcqg-pay}
     * @param reference the merchant reference the callback is about
     * @param url where it went
     * @param body the body sent
     * @param status the vendor's HTTP status, or -1 when the request failed
     * @param reply the vendor's reply body, or the error
     * @param at when it was sent
     */
    public record Attempt(String system, String reference, URI url, String body, int status, String reply,
            Instant at) {
    }

    /**
     * One callback to send: its bytes and where to.
     *
     * @param system the simulator's name, which picks the delivery plan
     * @param reference the merchant reference the callback is about
     * @param url where it goes
     * @param contentType its content type
     * @param body its bytes
     */
    public record Callback(String system, String reference, URI url, String contentType, byte[] body) {
    }

    /**
     * Sets how one system's next callbacks are delivered (the other systems keep theirs).
     *
     * @param system the simulator's name, for example {@code keypay}
     * @param value the plan
     */
    public void plan(String system, CallbackDelivery value) {
        plans.put(system, value);
    }

    /**
     * The current plan of one system: {@link CallbackDelivery#now()} unless set since the last reset.
     *
     * @param system the simulator's name
     * @return the plan
     */
    public CallbackDelivery plan(String system) {
        return plans.getOrDefault(system, CallbackDelivery.now());
    }

    /**
     * Delivers the callbacks of one event (usually one; two when a failed try is followed by a payment), by the
     * current plan of their system (the first callback's).
     *
     * @param callbacks the callbacks, oldest first
     */
    public void deliver(List<Callback> callbacks) {
        if (callbacks.isEmpty()) {
            return;
        }
        CallbackDelivery p = plan(callbacks.get(0).system());
        switch (p.mode()) {
            case NEVER -> {
            }
            case OUT_OF_ORDER -> {
                List<Callback> reversed = new ArrayList<>(callbacks);
                java.util.Collections.reverse(reversed);
                scheduler.execute(() -> reversed.forEach(this::send));
            }
            case LATE -> scheduler.schedule(() -> callbacks.forEach(this::send), p.delay().toMillis(),
                    TimeUnit.MILLISECONDS);
            case DUPLICATE -> scheduler.execute(() -> {
                for (int i = 0; i < p.copies(); i++) {
                    callbacks.forEach(this::send);
                }
            });
            default -> scheduler.execute(() -> callbacks.forEach(this::send));
        }
    }

    /**
     * Sends one callback now, on the caller's thread, whatever the plan (the test API's "send it again").
     *
     * @param callback the callback
     * @return the attempt
     */
    public Attempt send(Callback callback) {
        int status;
        String reply;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(callback.url()).timeout(TIMEOUT)
                    .header("Content-Type", callback.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(callback.body())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = r.statusCode();
            reply = r.body();
        } catch (java.io.IOException e) {
            status = -1;
            reply = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            reply = "interrupted";
        }
        Attempt attempt = new Attempt(callback.system(), callback.reference(), callback.url(),
                new String(callback.body(), StandardCharsets.UTF_8), status, reply, Instant.now());
        synchronized (log) {
            if (log.size() == LOG_LIMIT) {
                log.remove(0);
            }
            log.add(attempt);
        }
        return attempt;
    }

    /**
     * Every attempt so far, oldest first (the last 1,000).
     *
     * @return a copy of the log
     */
    public List<Attempt> attempts() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Forgets the log and every system's plan: callbacks are delivered at once again. */
    public void reset() {
        synchronized (log) {
            log.clear();
        }
        plans.clear();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
