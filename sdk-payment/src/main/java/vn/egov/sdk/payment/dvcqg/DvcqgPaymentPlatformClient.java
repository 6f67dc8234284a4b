package vn.egov.sdk.payment.dvcqg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.payment.CallbackFailure;
import vn.egov.sdk.payment.CallbackReply;
import vn.egov.sdk.payment.CallbackVerificationException;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentCallback;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStatus;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.ReceiptInfo;
import vn.egov.sdk.payment.ReceiptWireStyle;
import vn.egov.sdk.payment.dvcqg.internal.DvcqgAnswers;
import vn.egov.sdk.payment.dvcqg.internal.DvcqgCallbackReader;
import vn.egov.sdk.payment.dvcqg.internal.DvcqgJson;
import vn.egov.sdk.payment.dvcqg.internal.DvcqgReferences;
import vn.egov.sdk.payment.dvcqg.internal.DvcqgSigning;
import vn.egov.sdk.payment.internal.Checksums;
import vn.egov.sdk.payment.internal.ReceiptInfoJson;

/**
 * The client of the payment platform of the national public-service portal (Nền tảng thanh toán của Cổng DVCQG):
 * {@code INIT} with the receipt info ({@code ThongTinBienLai}) to get the payment page ({@code UrlThanhToan}),
 * result callbacks verified over the callback's own field order with the configured {@code MaDoiTac} and checked
 * against the vendor's record, {@code QUERY} ({@code TrangThaiGD} 1 paid, 3 pending, 4 failed) and
 * {@code GET_BILL} (the receipt PDF), both sending the original {@code MaThamChieu} and {@code ThoiGianGD}.
 * Every checksum ({@code MaXacThuc}) is the lowercase hex SHA-256 of the UTF-8 fields joined with {@code |} and the
 * secret; times are {@code yyyyMMddHHmmss} on a 24-hour clock in Asia/Ho_Chi_Minh; amounts are whole VND.
 *
 * <p>{@code INIT} is never repeated by the HTTP runtime; a {@link #create} called again for the same dossier and
 * amount while the payment is pending sends the same reference and time again, so a retry after a timeout makes
 * one transaction. {@code QUERY} and {@code GET_BILL} are repeated under the settings' retry policy.
 * Thread-safe; close it to release its HTTP resources.
 *
 * <pre>{@code
 * DvcqgPaymentPlatformClient client = DvcqgPaymentPlatformClient.builder()
 *         .settings(ClientSettings.builder().endpoint("https://pay.example.gov.vn/api").build())
 *         .merchant("MERCHANT", Secret.of(secret))
 *         .build();
 * PaymentStart start = client.create(PaymentOrder.of("000.00.00.G17-240101-0001", 50_000, "Lệ phí"));
 * }</pre>
 */
public final class DvcqgPaymentPlatformClient implements PaymentGateway, AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final HttpRuntime runtime;
    private final Clock clock;
    private final String initUrl;
    private final String getBillUrl;
    private final String queryUrl;
    private final String partnerCode;
    private final Secret secret;
    private final String initType;
    private final String getBillType;
    private final String queryType;
    private final String version;
    private final DvcqgChannel channel;
    private final int referenceMaxLength;
    private final Supplier<String> references;
    private final long amountCap;
    private final String merchantIp;
    private final InitResponseEnvelope envelope;
    private final Function<PaymentOrder, ReceiptInfo> receipts;
    private final ReceiptWireStyle receiptStyle;
    private final ReplyBuilder replies;
    private final PaymentStore store;
    private final int maxReceiptBytes;
    private final DvcqgCallbackReader reader;

    DvcqgPaymentPlatformClient(DvcqgPaymentPlatformClientBuilder b) {
        HttpRuntime.Builder rb = HttpRuntime.builder().settings(b.settings).generateIdempotencyKeys(false);
        if (b.auth != null) {
            rb.auth(b.auth);
        }
        this.runtime = rb.build();
        this.clock = b.settings.clock();
        this.initUrl = b.url(b.initUrl, "init");
        this.getBillUrl = b.url(b.getBillUrl, "get-bill");
        this.queryUrl = b.url(b.queryUrl, "query");
        this.partnerCode = b.partnerCode;
        this.secret = b.secret;
        this.initType = b.initType;
        this.getBillType = b.getBillType;
        this.queryType = b.queryType;
        this.version = b.version;
        this.channel = b.channel;
        this.referenceMaxLength = b.referenceMaxLength;
        this.references = b.references != null ? b.references
                : new DvcqgReferences(b.settings.clock(), b.referenceMaxLength);
        this.amountCap = b.amountCap;
        this.merchantIp = b.merchantIp;
        this.envelope = b.envelope;
        this.receipts = b.receipts;
        this.receiptStyle = b.receiptStyle;
        this.replies = b.replies;
        this.store = b.store != null ? b.store : new InMemoryPaymentStore();
        this.maxReceiptBytes = b.maxReceiptBytes;
        this.reader = new DvcqgCallbackReader(partnerCode, this::checksum, b.maxCallbackBytes);
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static DvcqgPaymentPlatformClientBuilder builder() {
        return new DvcqgPaymentPlatformClientBuilder();
    }

    @Override
    public PaymentSystem system() {
        return PaymentSystem.DVCQG_PAYMENT_PLATFORM;
    }

    @Override
    public PaymentStore store() {
        return store;
    }

    /**
     * Creates a payment with the receipt info the builder's supplier makes of the order.
     *
     * @param order what to pay
     * @return where to send the payer
     * @throws ValidationException when the order or its receipt info breaks a rule
     * @throws vn.egov.sdk.core.EgovException when the platform refused or could not be reached
     */
    @Override
    public PaymentStart create(PaymentOrder order) {
        ValidationException.requireNonNull(order, "PaymentOrder");
        return create(order, receipts.apply(order));
    }

    /**
     * Creates a payment with this receipt info ({@code ThongTinBienLai}).
     *
     * @param order what to pay
     * @param receipt the receipt info; its amount must be the order's
     * @return where to send the payer
     * @throws ValidationException when the order or its receipt info breaks a rule
     * @throws vn.egov.sdk.core.EgovException when the platform refused or could not be reached
     */
    public PaymentStart create(PaymentOrder order, ReceiptInfo receipt) {
        ValidationException.requireNonNull(order, "PaymentOrder");
        ValidationException.requireNonNull(receipt, "ReceiptInfo");
        if (order.amount() > amountCap) {
            throw ValidationException.of("cap", "PaymentOrder.amount", "the amount " + order.amount()
                    + " VND is above this client's cap of " + amountCap + " VND");
        }
        if (receipt.amount() != order.amount()) {
            throw ValidationException.of("equal", "ReceiptInfo.amount", "the receipt's amount " + receipt.amount()
                    + " VND differs from the order's " + order.amount() + " VND");
        }
        PaymentRecord record = pendingOrNew(order);
        if (record.redirectUrl().isPresent()) {
            return new PaymentStart(system(), record.reference(), record.redirectUrl().get(), record.createdAt());
        }
        Map<String, String> fields = initFields(record);
        ObjectNode body = DvcqgJson.mapper().createObjectNode();
        fields.forEach(body::put);
        body.set("ThongTinBienLai", ReceiptInfoJson.write(receipt, receiptStyle));
        body.put("MaXacThuc", checksum(DvcqgSigning.signed(DvcqgSigning.INIT_FIELDS, fields)));
        ApiResponse response = runtime.execute(ApiRequest.builder("POST", initUrl)
                .header("Accept", "application/json").body(HttpBody.json(body.toString())).build());
        JsonNode answer = DvcqgAnswers.inner(response.body(), initType, envelope::unwrap);
        DvcqgAnswers.requireSuccess(answer, initType);
        URI url = DvcqgAnswers.paymentUrl(answer, initType);
        store.updatePending(record.withRedirectUrl(url));
        return new PaymentStart(system(), record.reference(), url, record.createdAt());
    }

    @Override
    public PaymentCallback verifyCallback(byte[] rawBody) {
        DvcqgCallbackReader.Verified v = reader.read(rawBody);
        String reference = v.fields().get("MaThamChieu");
        PaymentRecord record = store.find(system(), reference).orElseThrow(() ->
                new CallbackVerificationException(CallbackFailure.UNKNOWN_REFERENCE, "MaThamChieu", null,
                        "no payment with this MaThamChieu was created by this vendor"));
        if (record.amount() != v.amount()) {
            throw new CallbackVerificationException(CallbackFailure.AMOUNT_ALTERED, "SoTien", null,
                    "SoTien " + v.amount() + " differs from the " + record.amount() + " VND this vendor recorded");
        }
        String code = v.fields().get("MaLoi");
        return new PaymentCallback(system(), reference, v.fields().getOrDefault("MaGiaoDich", ""), v.amount(),
                "00".equals(code) ? PaymentState.PAID : PaymentState.FAILED, code, v.fields());
    }

    @Override
    public CallbackReply acceptReply(PaymentCallback callback) {
        return replies.accept(callback, partnerCode);
    }

    @Override
    public CallbackReply rejectReply(CallbackVerificationException failure) {
        return replies.reject(failure, partnerCode);
    }

    @Override
    public PaymentStatus query(String reference) {
        PaymentRecord record = require(reference);
        ApiResponse response = runtime.execute(lookup(queryUrl, queryType, record));
        JsonNode answer = DvcqgAnswers.inner(response.body(), queryType, envelope::unwrap);
        JsonNode status = answer.get("TrangThaiGD");
        if (status == null || status.isContainerNode() || status.asText().isEmpty()) {
            DvcqgAnswers.requireSuccess(answer, queryType);
            throw DvcqgAnswers.platform("the " + queryType + " answer has no TrangThaiGD", null);
        }
        String code = status.asText();
        PaymentState state = switch (code) {
            case "1" -> PaymentState.PAID;
            case "3" -> PaymentState.PENDING;
            case "4" -> PaymentState.FAILED;
            default -> throw DvcqgAnswers.platform("the " + queryType + " answer has TrangThaiGD " + code
                    + ", not 1, 3 or 4", code);
        };
        if (state == PaymentState.PENDING && !answer.has("MaXacThuc")) {
            return new PaymentStatus(reference, state, Optional.empty(), OptionalLong.empty(), code);
        }
        DvcqgCallbackReader.Verified v = reader.check(answer);
        if (v.amount() != record.amount()) {
            throw new CallbackVerificationException(CallbackFailure.AMOUNT_ALTERED, "SoTien", null,
                    "the " + queryType + " answer says " + v.amount() + " VND, this vendor recorded "
                            + record.amount());
        }
        String id = v.fields().getOrDefault("MaGiaoDich", "");
        return new PaymentStatus(reference, state, id.isEmpty() ? Optional.empty() : Optional.of(id),
                OptionalLong.of(v.amount()), code);
    }

    @Override
    public InputStream openReceipt(String reference) {
        PaymentRecord record = require(reference);
        ApiResponse response = runtime.execute(lookup(getBillUrl, getBillType, record));
        if (response.bodyLength() > maxReceiptBytes) {
            throw DvcqgAnswers.platform("the receipt has " + response.bodyLength() + " bytes, more than the "
                    + maxReceiptBytes + " accepted", null);
        }
        byte[] bytes = response.body();
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < magic.length || !java.util.Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
            String code = DvcqgAnswers.codeOf(bytes);
            throw DvcqgAnswers.platform("the " + getBillType + " answer is not a PDF"
                    + (code == null ? "" : " (MaLoi " + code + ")"), code);
        }
        return new ByteArrayInputStream(bytes);
    }

    /** Releases the HTTP runtime. */
    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "DvcqgPaymentPlatformClient[partner=" + partnerCode + ", init=" + URI.create(initUrl).getHost()
                + ", version=" + version + "]";
    }

    private PaymentRecord pendingOrNew(PaymentOrder order) {
        Optional<PaymentRecord> pending = store.findPending(system(), order.dossierCode(), order.amount());
        if (pending.isPresent()) {
            return pending.get();
        }
        Instant now = clock.instant();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ThongTinGiaoDich", order.description());
        attributes.put("Ip", merchantIp);
        return store.findPendingOrCreate(PaymentRecord.pending(system(), uniqueReference(), order, now,
                TIME.format(now), attributes));
    }

    private String uniqueReference() {
        for (int i = 0; i < 8; i++) {
            String r = references.get();
            if (r == null || r.isBlank() || r.length() > referenceMaxLength) {
                throw ValidationException.of("reference", "DvcqgPaymentPlatformClient.references",
                        "the reference generator made a reference that is empty or longer than "
                                + referenceMaxLength + " characters");
            }
            if (store.find(system(), r).isEmpty()) {
                return r;
            }
        }
        throw ValidationException.of("unique", "DvcqgPaymentPlatformClient.references",
                "the reference generator keeps making references already in the store");
    }

    private Map<String, String> initFields(PaymentRecord record) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("LoaiBanTin", initType);
        f.put("PhienBan", version);
        f.put("MaDoiTac", partnerCode);
        f.put("MaThamChieu", record.reference());
        f.put("SoTien", Long.toString(record.amount()));
        f.put("LoaiHinhThanhToan", channel.paymentType());
        f.put("MaKenhThanhToan", channel.channelCode());
        f.put("MaThietBi", channel.deviceCode());
        f.put("NgonNgu", channel.language());
        f.put("MaTienTe", channel.currency());
        f.put("MaNganHang", channel.bankCode());
        f.put("ThongTinGiaoDich", record.attributes().getOrDefault("ThongTinGiaoDich", ""));
        f.put("ThoiGianGD", record.requestTime());
        f.put("Ip", record.attributes().getOrDefault("Ip", merchantIp));
        return f;
    }

    private ApiRequest lookup(String url, String type, PaymentRecord record) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("LoaiBanTin", type);
        f.put("PhienBan", version);
        f.put("MaDoiTac", partnerCode);
        f.put("MaThamChieu", record.reference());
        f.put("ThoiGianGD", record.requestTime());
        ObjectNode body = DvcqgJson.mapper().createObjectNode();
        f.forEach(body::put);
        body.put("MaXacThuc", checksum(DvcqgSigning.signed(DvcqgSigning.LOOKUP_FIELDS, f)));
        return ApiRequest.builder("POST", url).header("Accept", "application/json, application/pdf")
                .body(HttpBody.json(body.toString())).idempotent(true).build();
    }

    private PaymentRecord require(String reference) {
        ValidationException.requireText(reference, "reference");
        return store.find(system(), reference).orElseThrow(() -> ValidationException.of("unknown", "reference",
                "the store holds no DVCQG payment with this reference"));
    }

    private String checksum(String signed) {
        return Checksums.sha256Hex(signed + "|" + secret.reveal());
    }

}
