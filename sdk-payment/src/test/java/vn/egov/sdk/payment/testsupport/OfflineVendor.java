package vn.egov.sdk.payment.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentSystem;

/** What a vendor's unit test without a running sandbox needs: settings that reach nothing, a store, bodies. */
public final class OfflineVendor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflineVendor() {
    }

    /**
     * Client settings whose endpoint nobody answers (the tests only verify callbacks).
     *
     * @return the settings
     */
    public static ClientSettings unreachable() {
        return ClientSettings.builder().endpoint("http://127.0.0.1:9/unused").build();
    }

    /**
     * A store holding one pending payment, created 2026-12-06 10:00 (Vietnam time).
     *
     * @param system the payment's system
     * @param reference its reference
     * @param order its order
     * @return the store
     */
    public static InMemoryPaymentStore storeWithPending(PaymentSystem system, String reference, PaymentOrder order) {
        InMemoryPaymentStore store = new InMemoryPaymentStore();
        store.create(PaymentRecord.pending(system, reference, order, Instant.parse("2026-12-06T03:00:00Z"),
                "20261206100000", Map.of()));
        return store;
    }

    /**
     * Fields in the order given.
     *
     * @param namesAndValues name, value, name, value, …
     * @return an ordered, modifiable map
     */
    public static Map<String, String> fields(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new AssertionError("fields come in name/value pairs");
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            f.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return f;
    }

    /**
     * A map as a JSON body.
     *
     * @param fields the fields
     * @return the UTF-8 JSON
     */
    public static byte[] json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
