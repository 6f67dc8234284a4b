package vn.egov.sdk.payment.keypay;

import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.payment.CallbackReply;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.PaymentCallback;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStatus;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.internal.Checksums;
import vn.egov.sdk.payment.keypay.internal.KeypayCallbackVerifier;
import vn.egov.sdk.payment.keypay.internal.KeypaySigned;
import vn.egov.sdk.payment.keypay.internal.KeypayWire;

/**
 * The Keypay DVCQG JSON variant (version 3.0): create a payment, query its detail, verify its callback.
 * Requests are signed with {@code hash_key_1} (HMAC-SHA256, lowercase hex, over UTF-8); callbacks are verified with
 * {@code hash_key_2} over the string built from this client's configured {@code client_id}, {@code command} and
 * {@code version}, the amount and fee of the vendor's own record and the callback's {@code transaction_id}, so a
 * callback with an altered amount or for another client is refused and says so.
 *
 * <p>The {@code transaction_id} (at most 20 characters by default) is fixed and recorded in the
 * {@link PaymentStore} before the first request; a creation repeated for the same dossier and amount while the
 * payment is pending reuses it (and its payment page when Keypay already answered one). Creation is never
 * retried by the HTTP runtime; the detail query, which is safe to repeat, is. A verified callback whose
 * {@code status} is not {@code 0} is acknowledged ({@code return_code 0}) and recorded as
 * {@link PaymentState#FAILED}. Keypay has no receipt call: {@link #openReceipt(String)} throws
 * {@link NoReceiptCallException}. Thread-safe; {@code toString} shows no key.
 */
public final class KeypayDvcqgClient implements PaymentGateway, AutoCloseable {
    /** The time format written into records: 24-hour clock, Asia/Ho_Chi_Minh. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String clientId;
    private final Checksums.PreparedHmac hashKey1;
    private final String createUrl;
    private final String detailUrl;
    private final String command;
    private final String queryCommand;
    private final String version;
    private final String locale;
    private final String countryCode;
    private final String currencyCode;
    private final int environment;
    private final long additionFee;
    private final int maxTransactionIdLength;
    private final long maxAmount;
    private final PaymentStore store;
    private final KeypayBillInfo billInfo;
    private final Supplier<String> transactionIds;
    private final Map<String, PaymentState> queryStatuses;
    private final HttpRuntime runtime;
    private final KeypayCallbackVerifier verifier;

    KeypayDvcqgClient(KeypayDvcqgClientBuilder b) {
        this.clientId = b.clientId;
        this.hashKey1 = Checksums.hmacSha256(b.hashKey1.revealBytes());
        String endpoint = b.settings.endpoint().orElseThrow();
        this.createUrl = url(endpoint, b.createPath);
        this.detailUrl = url(endpoint, b.detailPath);
        this.command = b.command;
        this.queryCommand = b.queryCommand;
        this.version = b.version;
        this.locale = b.locale;
        this.countryCode = b.countryCode;
        this.currencyCode = b.currencyCode;
        this.environment = b.environment;
        this.additionFee = b.additionFee;
        this.maxTransactionIdLength = b.maxTransactionIdLength;
        this.maxAmount = b.maxAmount;
        this.store = b.store;
        this.billInfo = b.billInfo;
        this.transactionIds = b.transactionIds == null ? KeypayDvcqgClient::randomId : b.transactionIds;
        this.queryStatuses = Map.copyOf(b.queryStatuses);
        this.runtime = HttpRuntime.builder().settings(b.settings).build();
        this.verifier = new KeypayCallbackVerifier(
                new KeypayCallbackVerifier.Identity(clientId, command, version), additionFee,
                hashKey1, Checksums.hmacSha256(b.hashKey2.revealBytes()), store, b.maxCallbackBytes);
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static KeypayDvcqgClientBuilder builder() {
        return new KeypayDvcqgClientBuilder();
    }

    private static String url(String endpoint, String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    private static String randomId() {
        StringBuilder b = new StringBuilder("KP");
        for (int i = 0; i < 18; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Override
    public PaymentSystem system() {
        return PaymentSystem.KEYPAY_DVCQG;
    }

    @Override
    public PaymentStore store() {
        return store;
    }

    @Override
    public PaymentStart create(PaymentOrder order) {
        ValidationException.requireNonNull(order, "KeypayDvcqgClient.order");
        if (order.amount() > maxAmount) {
            throw ValidationException.of("max", "PaymentOrder.amount",
                    "the amount " + order.amount() + " VND is above this client's cap of " + maxAmount + " VND");
        }
        PaymentRecord record = store.findPending(system(), order.dossierCode(), order.amount()).orElse(null);
        if (record != null && record.redirectUrl().isPresent()) {
            return new PaymentStart(system(), record.reference(), record.redirectUrl().get(), record.createdAt());
        }
        if (record == null) {
            Instant now = runtime.clock().instant();
            record = store.findPendingOrCreate(PaymentRecord.pending(system(), newTransactionId(), order, now,
                    TIME.format(now), Map.of(KeypayCallbackVerifier.FEE_ATTRIBUTE, Long.toString(additionFee))));
            if (record.redirectUrl().isPresent()) {
                return new PaymentStart(system(), record.reference(), record.redirectUrl().get(), record.createdAt());
            }
        }
        String txId = record.reference();
        String fee = record.attributes().getOrDefault(KeypayCallbackVerifier.FEE_ATTRIBUTE, Long.toString(additionFee));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("transaction_id", txId);
        body.put("trans_amount", order.amount());
        body.put("command", command);
        body.put("version", version);
        body.put("description", order.description());
        body.put("locale", locale);
        body.put("country_code", countryCode);
        body.put("currency_code", currencyCode);
        body.put("environment", environment);
        body.put("bill_info", ValidationException.requireNonNull(billInfo.write(order, txId),
                "KeypayDvcqgClient.billInfo"));
        body.put("return_url", order.returnUrl().map(URI::toString).orElse(""));
        body.put("addition_fee", Long.parseLong(fee));
        body.put("check_sum", sign(KeypaySigned.payment(fee, clientId, command, Long.toString(order.amount()),
                txId, version)));
        String json;
        try {
            json = KeypayWire.writeText(body);
        } catch (IllegalStateException e) {
            throw ValidationException.of("json", "KeypayDvcqgClient.billInfo",
                    "the bill_info cannot be written as JSON: " + e.getMessage());
        }
        ApiRequest request = ApiRequest.post(createUrl, HttpBody.json(json));
        Map<String, String> answer = answer(runtime.execute(request,
                RequestOptions.builder().withoutIdempotencyKey().build()), "create " + txId);
        String paymentUrl = answer.get("payment_url");
        URI uri = paymentUrl == null ? null : absoluteUri(paymentUrl);
        if (uri == null) {
            throw new KeypayRefusedException("Keypay accepted " + txId + " but sent no usable payment_url", null);
        }
        store.updatePending(record.withRedirectUrl(uri));
        return new PaymentStart(system(), txId, uri, record.createdAt());
    }

    private String newTransactionId() {
        String id = transactionIds.get();
        if (id == null || id.isBlank() || id.length() > maxTransactionIdLength
                || !id.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))) {
            throw ValidationException.of("format", "KeypayDvcqgClient.transactionIds",
                    "a transaction_id must be 1 to " + maxTransactionIdLength
                            + " ASCII letters, digits, '_' or '-'");
        }
        return id;
    }

    private static URI absoluteUri(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private String sign(String signed) {
        return hashKey1.hex(signed);
    }

    private static Map<String, String> answer(ApiResponse response, String what) {
        Map<String, String> f;
        try {
            f = KeypayWire.fields(response.body(), 1024 * 1024);
        } catch (KeypayWire.Malformed e) {
            throw new KeypayRefusedException("Keypay's answer to " + what + " is not its format: " + e.getMessage(),
                    null);
        }
        String error = f.get("error");
        if (!"0".equals(error)) {
            throw new KeypayRefusedException("Keypay refused " + what + ": error " + error + " ("
                    + f.getOrDefault("msg", "no msg") + ")", error);
        }
        return f;
    }

    @Override
    public PaymentCallback verifyCallback(byte[] rawBody) {
        return verifier.verify(rawBody);
    }

    /**
     * The acknowledgement Keypay expects: {@code {"return_code":0,"return_msg":"success"}}, also for a verified
     * callback whose payment failed.
     *
     * @param callback the verified callback
     * @return HTTP 200 with the JSON reply
     */
    @Override
    public CallbackReply acceptReply(PaymentCallback callback) {
        return CallbackReply.json(200, "{\"return_code\":0,\"return_msg\":\"success\"}");
    }

    /**
     * The refusal: {@code {"return_code":-1,"return_msg":<the failure's name>}}.
     *
     * @param failure why the callback was refused
     * @return HTTP 200 with the JSON reply
     */
    @Override
    public CallbackReply rejectReply(CallbackVerificationException failure) {
        String reason = failure == null ? "MALFORMED" : failure.failure().name();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("return_code", -1);
        reply.put("return_msg", reason);
        return CallbackReply.json(200, KeypayWire.writeText(reply));
    }

    @Override
    public PaymentStatus query(String reference) {
        ValidationException.requireText(reference, "KeypayDvcqgClient.reference");
        if (store.find(system(), reference).isEmpty()) {
            throw ValidationException.of("unknown", "KeypayDvcqgClient.reference",
                    "no Keypay payment with transaction_id " + reference + " in the store");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("transaction_id", reference);
        body.put("command", queryCommand);
        body.put("check_sum", sign(KeypaySigned.detail(clientId, queryCommand, reference)));
        ApiRequest request = ApiRequest.builder("POST", detailUrl).body(HttpBody.json(KeypayWire.writeText(body)))
                .idempotent(true).build();
        Map<String, String> f = answer(runtime.execute(request), "the detail query of " + reference);
        String status = f.get("status");
        PaymentState state = status == null ? null : queryStatuses.get(status);
        if (state == null) {
            throw new KeypayRefusedException("Keypay reported status " + status + " for " + reference
                    + ", which this client does not know (configure it with queryStatus)", status);
        }
        OptionalLong amount = OptionalLong.empty();
        String amountText = f.get("trans_amount");
        if (amountText != null && amountText.matches("\\d{1,18}")) {
            amount = OptionalLong.of(Long.parseLong(amountText));
        }
        Optional<String> code = Optional.ofNullable(f.get("transaction_code")).filter(s -> !s.isEmpty());
        return new PaymentStatus(reference, state, code, amount, status);
    }

    /**
     * Keypay DVCQG has no receipt call; receipts come from the DVCQG payment platform's {@code GET_BILL}.
     *
     * @param reference the merchant reference
     * @return never
     * @throws NoReceiptCallException always
     */
    @Override
    public InputStream openReceipt(String reference) {
        throw new NoReceiptCallException("Keypay DVCQG has no receipt call: fetch the receipt of " + reference
                + " from the DVCQG payment platform (GET_BILL, DvcqgPaymentPlatformClient)");
    }

    /** Releases the HTTP runtime (its connections and threads); the client is not used after. */
    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "KeypayDvcqgClient[clientId=" + clientId + ", create=" + createUrl + ", detail=" + detailUrl + "]";
    }
}
