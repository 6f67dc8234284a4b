package vn.egov.sdk.testkit;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.internal.CallbackDispatcher;
import vn.egov.sdk.testkit.internal.KeypaySimulator;
import vn.egov.sdk.testkit.internal.KeypayTransaction;
import vn.egov.sdk.testkit.internal.SimResponse;

/**
 * The sandbox's Keypay DVCQG payment gateway (JSON, version 3.0) under {@code /keypay/}, from
 * {@link NationalSandbox#keypay()}: point a {@code KeypayDvcqgClient} at {@link #url()} with {@link #CLIENT_ID},
 * {@link #HASH_KEY_1} and {@link #HASH_KEY_2} (public test values, not secrets of any real system).
 *
 * <p>{@code POST /keypay/create} checks the request's {@code check_sum} with hash_key_1 and answers a payment page on
 * the sandbox ({@code /keypay/page/{transaction_id}}, plain HTML with Pay, Fail and Cancel buttons);
 * {@code POST /keypay/detail} answers a transaction's status (0 paid, 1 pending, 2 failed, 3 expired). Paying or
 * failing, on the page, through the test API {@code POST /keypay/_test/{transaction_id}/pay|fail|expire} or with
 * {@link #pay(String)}, {@link #fail(String)}, sends the vendor a callback signed with hash_key_2, to the URL given
 * to {@link #callbackUrl(URI)} (else the create request's {@code return_url}), as {@link #delivery} says. Expiry
 * sends none. Thread-safe.
 */
public final class KeypaySandbox {
    /** The test client's {@code client_id}. */
    public static final String CLIENT_ID = KeypaySimulator.DEFAULT_CLIENT_ID;
    /** The test client's hash_key_1 (signs requests). */
    public static final String HASH_KEY_1 = KeypaySimulator.DEFAULT_HASH_KEY_1;
    /** The test client's hash_key_2 (signs callbacks). */
    public static final String HASH_KEY_2 = KeypaySimulator.DEFAULT_HASH_KEY_2;

    private final KeypaySimulator simulator;
    private final String baseUrl;

    /**
     * A transaction as the gateway holds it.
     *
     * @param transactionId the merchant's {@code transaction_id}
     * @param transactionCode the gateway's {@code transaction_code}
     * @param amount the amount in VND
     * @param state {@code PENDING}, {@code PAID}, {@code FAILED} or {@code EXPIRED}
     */
    public record Transaction(String transactionId, String transactionCode, long amount, String state) {
    }

    /**
     * One callback sent to the vendor.
     *
     * @param transactionId the transaction it is about
     * @param url where it went
     * @param body the JSON body sent
     * @param status the vendor's HTTP status, -1 when the request failed
     * @param reply the vendor's reply body
     */
    public record Delivery(String transactionId, URI url, String body, int status, String reply) {
    }

    KeypaySandbox(KeypaySimulator simulator, String baseUrl) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /**
     * The base URL for the client's settings endpoint.
     *
     * @return {@code baseUrl + "/keypay"}; the client's default paths {@code /create} and {@code /detail} fit it
     */
    public String url() {
        return baseUrl + "/keypay";
    }

    /**
     * Sends the test client's callbacks to this URL (until {@link NationalSandbox#reset()}).
     *
     * @param url the vendor's callback endpoint
     */
    public void callbackUrl(URI url) {
        simulator.callbackUrl(CLIENT_ID, ValidationException.requireNonNull(url, "KeypaySandbox.callbackUrl"));
    }

    /**
     * How the next callbacks are delivered (default at once, once; back to that on reset).
     *
     * @param value the plan
     */
    public void delivery(CallbackDelivery value) {
        simulator.dispatcher().plan(KeypaySimulator.SYSTEM,
                ValidationException.requireNonNull(value, "KeypaySandbox.delivery"));
    }

    /**
     * The payer pays: the transaction becomes PAID and its callback (status 0) is sent.
     *
     * @param transactionId the transaction
     * @throws ValidationException when it is unknown or no longer pending
     */
    public void pay(String transactionId) {
        act(transactionId, "pay");
    }

    /**
     * The payment fails: the transaction becomes FAILED and its callback (status 2) is sent.
     *
     * @param transactionId the transaction
     * @throws ValidationException when it is unknown or no longer pending
     */
    public void fail(String transactionId) {
        act(transactionId, "fail");
    }

    /**
     * The payment window closes: the transaction becomes EXPIRED; no callback is sent.
     *
     * @param transactionId the transaction
     * @throws ValidationException when it is unknown or no longer pending
     */
    public void expire(String transactionId) {
        act(transactionId, "expire");
    }

    private void act(String transactionId, String action) {
        ValidationException.requireText(transactionId, "KeypaySandbox.transactionId");
        SimResponse r = simulator.finish(transactionId, action);
        if (r.status() != 200) {
            throw ValidationException.of("state", "KeypaySandbox.transactionId",
                    "cannot " + action + " " + transactionId + ": " + r.bodyText());
        }
    }

    /**
     * The transactions the gateway accepted since start or the last reset, by transaction id.
     *
     * @return the transactions
     */
    public List<Transaction> transactions() {
        return simulator.transactions().stream()
                .map(t -> new Transaction(t.transactionId(), t.transactionCode(), Long.parseLong(t.amount()),
                        t.state()))
                .sorted(Comparator.comparing(Transaction::transactionId)).toList();
    }

    /**
     * The Keypay callbacks sent so far, oldest first (the last 1,000).
     *
     * @return the deliveries
     */
    public List<Delivery> deliveries() {
        return simulator.dispatcher().attempts().stream().filter(a -> KeypaySimulator.SYSTEM.equals(a.system()))
                .map(a -> new Delivery(a.reference(), a.url(), a.body(), a.status(), a.reply())).toList();
    }

    /**
     * The body of the callback the gateway would send now for a transaction (signed with hash_key_2), for tests that
     * replay or alter it.
     *
     * @param transactionId the transaction
     * @return the JSON bytes
     * @throws ValidationException when it is unknown
     */
    public byte[] callbackBody(String transactionId) {
        KeypayTransaction t = simulator.transactions().stream()
                .filter(x -> x.transactionId().equals(transactionId)).findFirst()
                .orElseThrow(() -> ValidationException.of("unknown", "KeypaySandbox.transactionId",
                        "no transaction " + transactionId));
        return simulator.callback(t).map(CallbackDispatcher.Callback::body)
                .orElseGet(() -> vn.egov.sdk.testkit.internal.JsonCodec.write(simulator.callbackBody(t)));
    }
    /**
     * Signs a Keypay callback for a vendor's unit test, as Keypay would, without a running sandbox: sets
     * {@code check_sum} = HMAC-SHA256(hash_key_2, {@code addition_fee|client_id|command|trans_amount|transaction_id|
     * version}) over UTF-8. Change a field afterwards to test a refusal.
     *
     * @param fields the callback's fields, wire names (numbers as their digits)
     * @param hashKey2 the client's hash_key_2
     * @return a copy of the fields with {@code check_sum} last
     */
    public static Map<String, String> signCallback(Map<String, String> fields, String hashKey2) {
        ValidationException.requireNonNull(fields, "KeypaySandbox.fields");
        ValidationException.requireNonNull(hashKey2, "KeypaySandbox.hashKey2");
        Map<String, String> out = new LinkedHashMap<>(fields);
        out.remove("check_sum");
        out.put("check_sum", KeypaySimulator.callbackChecksum(out, hashKey2));
        return out;
    }

}
