package vn.egov.sdk.payment.paygov;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.payment.CallbackFailure;
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
import vn.egov.sdk.payment.paygov.internal.AccentStripper;
import vn.egov.sdk.payment.paygov.internal.PayGovJson;

/**
 * PayGov (Cổng hỗ trợ thanh toán quốc gia) reached through a provincial LGSP: the redirect payment request with its
 * SHA-256 concatenation {@code checksum}, the result callback verified by a {@link PayGovResultVerifier} and against
 * the vendor's own record, the receipt ({@code urlBienLai}), and the Đồng Tháp variant with its LGSP return-URL check.
 * The merchant reference is the {@code requestCode}, fixed and stored before the first request; the
 * {@code orderId} → dossier mapping lives in the record, never cut out of {@code orderId}. Thread-safe; close it to
 * release its HTTP runtime.
 */
public final class PayGovClient implements PaymentGateway, AutoCloseable {
    /** Wire times: 24-hour, Asia/Ho_Chi_Minh. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> REQUIRED = List.of("orderId", "amount", "requestCode", "errorCode");

    private final HttpRuntime http;
    private final String base;
    private final PayGovVariant variant;
    private final String partnerCode;
    private final String accessKey;
    /** SHA-256 that has consumed the secret key: the request checksum without revealing the key per call. */
    private final Checksums.PreparedSha256 keyed;
    private final String serviceCode;
    private final String unitCode;
    private final String accountPay;
    private final String paygatePath;
    private final String receiptPath;
    private final String checkReturnPath;
    private final String queryPath;
    private final URI returnUrl;
    private final String ipAddress;
    private final long amountCap;
    private final int maxCallbackBytes;
    private final PaymentStore store;
    private final PayGovResultVerifier verifier;
    private final PayGovStatusCodes statusCodes;

    PayGovClient(PayGovClientBuilder b, PayGovResultVerifier verifier) {
        this.http = HttpRuntime.builder().settings(b.settings).auth(b.auth).build();
        this.base = stripSlash(b.settings.endpoint().orElseThrow());
        this.variant = b.variant;
        this.partnerCode = b.partnerCode;
        this.accessKey = b.accessKey;
        this.keyed = Checksums.sha256Prefixed(b.secretKey.revealBytes());
        this.serviceCode = b.serviceCode;
        this.unitCode = b.unitCode;
        this.accountPay = b.accountPay;
        this.paygatePath = b.paygatePath;
        this.receiptPath = b.receiptPath;
        this.checkReturnPath = b.checkReturnPath;
        this.queryPath = b.queryPath;
        this.returnUrl = b.returnUrl;
        this.ipAddress = b.ipAddress;
        this.amountCap = b.amountCap;
        this.maxCallbackBytes = b.maxCallbackBytes;
        this.store = b.store;
        this.verifier = verifier;
        this.statusCodes = b.statusCodes;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static PayGovClientBuilder builder() {
        return new PayGovClientBuilder();
    }

    @Override
    public PaymentSystem system() {
        return PaymentSystem.PAYGOV;
    }

    @Override
    public PaymentStore store() {
        return store;
    }

    /**
     * The {@code checksum} of a payment request: lowercase hex SHA-256 of the UTF-8 bytes of
     * {@code secretKey + accessKey + partnerCode + orderId + requestCode + amount}, no separators.
     *
     * @param orderId the order id
     * @param requestCode the request code
     * @param amount the amount in VND
     * @return 64 hex digits
     * @throws ValidationException for the Đồng Tháp variant, whose requests carry no checksum
     */
    public String requestChecksum(String orderId, String requestCode, long amount) {
        if (variant != PayGovVariant.STANDARD) {
            throw ValidationException.of("variant", "PayGovClient.variant",
                    "the Đồng Tháp request carries no checksum");
        }
        return keyed.hex(accessKey + partnerCode + orderId + requestCode + amount);
    }

    @Override
    public PaymentStart create(PaymentOrder order) {
        ValidationException.requireNonNull(order, "PayGovClient.order");
        if (order.amount() > amountCap) {
            throw ValidationException.of("cap", "PaymentOrder.amount",
                    "the amount " + order.amount() + " VND is above the configured cap of " + amountCap + " VND");
        }
        URI ret = order.returnUrl().orElse(returnUrl);
        if (ret == null) {
            throw ValidationException.of("required", "PaymentOrder.returnUrl",
                    "PayGov needs a returnUrl: set one on the order or on the client builder");
        }
        // one record per dossier and amount, even under concurrent calls on this node or others
        PaymentRecord record = store.findPending(PaymentSystem.PAYGOV, order.dossierCode(), order.amount())
                .orElseGet(() -> store.findPendingOrCreate(newRecord(order, ret)));
        if (record.redirectUrl().isPresent()) {
            return new PaymentStart(PaymentSystem.PAYGOV, record.reference(), record.redirectUrl().get(),
                    record.createdAt());
        }
        Map<String, String> a = record.attributes();
        ObjectNode body = requestBody(a.get("orderId"), a.get("requestCode"), record.amount(), a.get("orderInfo"),
                a.get("returnUrl"));
        ApiResponse response = http.execute(ApiRequest.builder("POST", url(paygatePath)).idempotent(true)
                        .body(HttpBody.json(body.toString())).build(),
                RequestOptions.builder().idempotencyKey(record.reference()).build());
        String url = PayGovJson.dataField(response.body(), "url")
                .orElseThrow(() -> platform("PayGov answered the payment request without data.url"));
        URI redirect;
        try {
            redirect = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw platform("PayGov answered a payment URL that is not a URI");
        }
        store.updatePending(record.withRedirectUrl(redirect));
        return new PaymentStart(PaymentSystem.PAYGOV, record.reference(), redirect, record.createdAt());
    }

    private PaymentRecord newRecord(PaymentOrder order, URI ret) {
        Instant now = http.clock().instant();
        String requestCode = order.dossierCode() + "-" + now.toEpochMilli() + String.format("%03d", RANDOM.nextInt(1000));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("orderId", unitCode + "-" + order.dossierCode() + "-01");
        attributes.put("requestCode", requestCode);
        attributes.put("orderInfo", AccentStripper.strip(order.description()));
        attributes.put("returnUrl", ret.toString());
        return PaymentRecord.pending(PaymentSystem.PAYGOV, requestCode, order, now, TIME.format(now), attributes);
    }

    private ObjectNode requestBody(String orderId, String requestCode, long amount, String orderInfo, String ret) {
        ObjectNode body = PayGovJson.mapper().createObjectNode();
        body.put("partnerCode", partnerCode);
        if (variant == PayGovVariant.STANDARD) {
            body.put("accessKey", accessKey);
            body.put("serviceCode", serviceCode);
        }
        body.put("returnUrl", ret);
        body.put("orderId", orderId);
        body.put("amount", amount);
        body.put("orderInfo", orderInfo);
        body.put("requestCode", requestCode);
        body.put("ipAddress", ipAddress);
        if (variant == PayGovVariant.STANDARD) {
            body.put("checksum", requestChecksum(orderId, requestCode, amount));
        } else {
            body.put("beneficiaryCode", "");
            body.put("accountPay", accountPay);
        }
        return body;
    }

    @Override
    public PaymentCallback verifyCallback(byte[] rawBody) {
        Map<String, String> fields = PayGovJson.flatObject(rawBody, maxCallbackBytes);
        for (String name : REQUIRED) {
            String v = fields.get(name);
            if (v == null || v.isEmpty()) {
                throw new CallbackVerificationException(CallbackFailure.MISSING_FIELD, name, null,
                        "the callback has no " + name);
            }
        }
        String amountText = fields.get("amount");
        if (!isWholeVnd(amountText)) {
            throw new CallbackVerificationException(CallbackFailure.MALFORMED, "amount", null,
                    "amount is not a whole number of VND");
        }
        verifier.verify(fields);
        String partner = fields.get("partnerCode");
        if (partner != null && !partner.equals(partnerCode)) {
            throw new CallbackVerificationException(CallbackFailure.PARTNER_MISMATCH, "partnerCode", null,
                    "the callback is for partner " + partner + ", not this client's");
        }
        String requestCode = fields.get("requestCode");
        PaymentRecord record = store.find(PaymentSystem.PAYGOV, requestCode).orElseThrow(() ->
                new CallbackVerificationException(CallbackFailure.UNKNOWN_REFERENCE, "requestCode", null,
                        "no payment with requestCode " + requestCode + " in the store"));
        if (!fields.get("orderId").equals(record.attributes().get("orderId"))) {
            throw new CallbackVerificationException(CallbackFailure.UNKNOWN_REFERENCE, "orderId", null,
                    "the orderId does not belong to requestCode " + requestCode);
        }
        long amount = Long.parseLong(amountText);
        if (amount != record.amount()) {
            throw new CallbackVerificationException(CallbackFailure.AMOUNT_ALTERED, "amount", null,
                    "the callback says " + amount + " VND, the payment is " + record.amount() + " VND");
        }
        String errorCode = fields.get("errorCode");
        PaymentState state = statusCodes.callbackState(errorCode);
        return new PaymentCallback(PaymentSystem.PAYGOV, requestCode, fields.getOrDefault("transactionNo", ""),
                amount, state, errorCode, fields);
    }

    @Override
    public CallbackReply acceptReply(PaymentCallback callback) {
        return reply("SUCCESSFUL", "received");
    }

    @Override
    public CallbackReply rejectReply(CallbackVerificationException failure) {
        boolean signature = switch (failure.failure()) {
            case CHECKSUM_MISMATCH, FIELD_ORDER, TWELVE_HOUR_CLOCK, UNICODE_FORM -> true;
            default -> false;
        };
        return reply(signature ? "SIGNATURE_WRONG" : "FAILED", failure.failure().name());
    }

    private static CallbackReply reply(String code, String message) {
        ObjectNode body = PayGovJson.mapper().createObjectNode();
        body.put("error_code", code);
        body.put("error_message", message);
        return CallbackReply.json(200, body.toString());
    }

    /**
     * [INFERRED] Asks the LGSP's status endpoint, when one is configured ({@link PayGovClientBuilder#urlQuery}):
     * {@code POST {partnerCode, orderId, requestCode}} answered {@code data.errorCode}, read with the configured
     * {@link PayGovStatusCodes} (by default {@code "00"} paid, {@code "99"} pending, {@code "24"} expired, anything
     * else failed; an answer without a code is pending, its raw code empty). PayGov itself publishes no status
     * query.
     *
     * @param reference the {@code requestCode}
     * @return the state
     * @throws ValidationException when no query endpoint is configured (code {@code unsupported}) or the store
     *     holds no such payment
     */
    @Override
    public PaymentStatus query(String reference) {
        if (queryPath == null) {
            throw ValidationException.of("unsupported", "PayGovClient.urlQuery",
                    "PayGov publishes no status query; configure the LGSP's own with urlQuery(...) if it has one");
        }
        PaymentRecord record = record(reference);
        ApiResponse r = http.execute(ApiRequest.builder("POST", url(queryPath)).idempotent(true)
                .body(HttpBody.json(referenceBody(record).toString())).build());
        String code = PayGovJson.dataField(r.body(), "errorCode").orElse("");
        PaymentState state = statusCodes.queryState(code);
        OptionalLong amount = PayGovJson.dataField(r.body(), "amount").filter(v -> v.matches("[0-9]{1,18}"))
                .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
        return new PaymentStatus(reference, state, PayGovJson.dataField(r.body(), "transactionNo"), amount, code);
    }

    @Override
    public InputStream openReceipt(String reference) {
        PaymentRecord record = record(reference);
        ObjectNode body = referenceBody(record);
        body.put("transactionNo", record.gatewayTransactionId().orElse(""));
        ApiResponse r = http.execute(ApiRequest.builder("POST", url(receiptPath)).idempotent(true)
                .body(HttpBody.json(body.toString())).build());
        String receipt = PayGovJson.dataField(r.body(), "transactionReceipt")
                .orElseThrow(() -> platform("PayGov answered the receipt request without transactionReceipt"));
        try {
            return new ByteArrayInputStream(Base64.getMimeDecoder().decode(receipt));
        } catch (IllegalArgumentException e) {
            throw platform("PayGov's transactionReceipt is not Base64");
        }
    }

    /**
     * Đồng Tháp variant: asks the LGSP's {@code CheckSumUrlReturn} whether the parameters PayGov put on the return
     * URL are genuine. Even then the browser return only shows the payer a result; the callback moves the payment.
     *
     * @param returnParameters the decoded query parameters of the return URL
     * @return whether the LGSP answered {@code error_code "SUCCESSFUL"}
     * @throws ValidationException when the client is not the Đồng Tháp variant or the parameters are missing
     */
    public boolean checkReturnUrl(Map<String, String> returnParameters) {
        if (variant != PayGovVariant.DONG_THAP) {
            throw ValidationException.of("variant", "PayGovClient.variant",
                    "the return-URL check is the Đồng Tháp LGSP's; this client is " + variant);
        }
        ValidationException.requireNonNull(returnParameters, "PayGovClient.returnParameters");
        ObjectNode body = PayGovJson.mapper().createObjectNode();
        returnParameters.forEach(body::put);
        ApiResponse r = http.execute(ApiRequest.builder("POST", url(checkReturnPath)).idempotent(true)
                .body(HttpBody.json(body.toString())).build());
        return PayGovJson.dataField(r.body(), "error_code").filter("SUCCESSFUL"::equals).isPresent();
    }

    private ObjectNode referenceBody(PaymentRecord record) {
        ObjectNode body = PayGovJson.mapper().createObjectNode();
        body.put("partnerCode", partnerCode);
        body.put("orderId", record.attributes().get("orderId"));
        body.put("requestCode", record.reference());
        return body;
    }

    private PaymentRecord record(String reference) {
        ValidationException.requireText(reference, "PayGovClient.reference");
        Optional<PaymentRecord> r = store.find(PaymentSystem.PAYGOV, reference);
        return r.orElseThrow(() -> ValidationException.of("unknown", "PayGovClient.reference",
                "the store holds no PayGov payment " + reference));
    }

    private String url(String path) {
        return path.matches("(?i)https?://.*") ? path : base + (path.startsWith("/") ? path : "/" + path);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static PlatformException platform(String message) {
        return new PlatformException(message, ErrorDetails.of(Fault.PLATFORM, false), null);
    }

    /** Releases the HTTP runtime. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "PayGovClient[" + variant + ", partnerCode=" + partnerCode + ", unitCode=" + unitCode + ", base="
                + base + "]";
    }

    /** One to 18 ASCII digits: a whole number of VND that fits a {@code long}. */
    private static boolean isWholeVnd(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
