package vn.egov.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo API's orders: creates them and replays the stored response for a repeated {@code Idempotency-Key},
 * so a retried request never creates a second order. Thread-safe, including for concurrent requests with the
 * same key.
 */
public final class OrderBook {

    /** The header added to a response replayed for a repeated idempotency key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final AtomicInteger created = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, StoredOrder> byKey = new ConcurrentHashMap<>();

    /** The first response given for an idempotency key, and the body that produced it. */
    private record StoredOrder(JsonNode requestBody, SimResponse response) {
    }

    /**
     * Creates an order, or replays the earlier answer when the idempotency key was seen before.
     *
     * @param body the order's JSON body
     * @param idempotencyKey the request's {@code Idempotency-Key}, if any
     * @return 201 with {@code {"orderId", "body"}}; the same 201 again for a repeated key and the same body;
     *     422 {@code idempotency_key_reused} for a repeated key with a different body
     */
    public SimResponse create(JsonNode body, Optional<String> idempotencyKey) {
        Objects.requireNonNull(body, "body");
        if (idempotencyKey.isEmpty()) {
            return newOrder(body);
        }
        StoredOrder[] fresh = new StoredOrder[1];
        StoredOrder stored = byKey.computeIfAbsent(idempotencyKey.get(), key -> {
            fresh[0] = new StoredOrder(body.deepCopy(), newOrder(body));
            return fresh[0];
        });
        if (stored == fresh[0]) {
            return stored.response();
        }
        if (!stored.requestBody().equals(body)) {
            return SimResponse.error(422, "idempotency_key_reused",
                    "Idempotency-Key " + idempotencyKey.get() + " was used before with a different body");
        }
        return stored.response().withHeader(REPLAYED_HEADER, "true");
    }

    /**
     * How many orders were really created since the last {@link #reset()}.
     *
     * @return the count (replays excluded)
     */
    public int createdCount() {
        return created.get();
    }

    /** Forgets orders and idempotency keys. Order ids keep increasing, so they stay unique per sandbox. */
    public void reset() {
        byKey.clear();
        created.set(0);
    }

    private SimResponse newOrder(JsonNode body) {
        String orderId = "ord-" + sequence.incrementAndGet();
        created.incrementAndGet();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("orderId", orderId);
        response.put("body", body);
        return SimResponse.json(201, response).withHeader("Location", "/demo/orders/" + orderId);
    }
}
