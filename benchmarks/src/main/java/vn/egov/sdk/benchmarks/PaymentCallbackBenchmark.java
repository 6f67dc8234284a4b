package vn.egov.sdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.auth.StaticHeaders;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentCallback;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentRecord;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.payment.paygov.PayGovClient;
import vn.egov.sdk.testkit.PayGovSandbox;

/**
 * Verifying a payment system's result callback, one thread, beside a raw baseline in the same run:
 *
 * <ul>
 *   <li>{@link #keypaySdk}: {@code KeypayDvcqgClient.verifyCallback(bytes)}: bounded parse, the record looked up in an
 *       {@code InMemoryPaymentStore} holding 1,000 payments, the HMAC-SHA256 (hash_key_2) over the canonical string
 *       built from the configured and stored values, constant-time comparison, the typed callback.</li>
 *   <li>{@link #keypayRaw}: a plain Jackson parse of the same bytes to a tree, the same canonical string joined from
 *       the tree's values, one HMAC-SHA256 with a {@code Mac} made per call, and {@code String.equals}.</li>
 *   <li>{@link #dvcqgSdk}: {@code DvcqgPaymentPlatformClient.verifyCallback(bytes)}: bounded parse with duplicate keys
 *       refused, the configured {@code MaDoiTac}, the SHA-256 {@code MaXacThuc} over the callback's own field order,
 *       the reference and amount against a store of 1,000 payments.</li>
 *   <li>{@link #dvcqgRaw}: a Jackson tree of the same bytes, the ten fields and the secret joined with {@code |},
 *       one SHA-256, {@code String.equals}.</li>
 *   <li>{@link #payGovSdk}: {@code PayGovClient.verifyCallback(bytes)} with the provided [INFERRED] result verifier
 *       (SHA-256 of the secret key and every other field in body order), the {@code requestCode} and {@code orderId}
 *       checked against a store of 1,000 payments, the amount against the record.</li>
 *   <li>{@link #payGovRaw}: a Jackson tree of the same bytes, the secret and the values concatenated, one SHA-256,
 *       {@code String.equals}.</li>
 * </ul>
 *
 * The target (docs/PERFORMANCE.md): each client's verification ≥ 0.7 × its raw baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseG1GC", "-Xms256m", "-Xmx256m"})
public class PaymentCallbackBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID = "BENCH-CLIENT";
    private static final String KEY_1 = "bench-hash-key-1";
    private static final String KEY_2 = "bench-hash-key-2";
    private static final String REFERENCE = "TX00000000000000500";

    KeypayDvcqgClient keypay;
    byte[] keypayBody;
    PayGovClient payGov;
    byte[] payGovBody;
    DvcqgPaymentPlatformClient dvcqg;
    byte[] dvcqgBody;
    private static final String DVCQG_SECRET = "bench-dvcqg-secret";
    private static final String[] DVCQG_CALLBACK_ORDER = {"LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu", "SoTien",
        "MaTienTe", "MaGiaoDich", "MaNganHang", "ThoiGianGD", "ThongTinGiaoDich"};

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Instant now = Instant.parse("2026-12-06T03:00:00Z");
        InMemoryPaymentStore store = thousandPayments(PaymentSystem.KEYPAY_DVCQG, "TX", now,
                (ref, dossier) -> Map.of());
        keypay = KeypayDvcqgClient.builder()
                .settings(ClientSettings.builder().endpoint("http://127.0.0.1:9/keypay").build())
                .credentials(CLIENT_ID, Secret.of(KEY_1), Secret.of(KEY_2))
                .store(store)
                .build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", CLIENT_ID);
        body.put("transaction_id", REFERENCE);
        body.put("transaction_code", "KP-7781234");
        body.put("trans_amount", 250_000);
        body.put("payment_fee", 0);
        body.put("command", "PAY");
        body.put("addition_fee", 0);
        body.put("version", "3.0");
        body.put("description", "Lệ phí cấp giấy phép xây dựng hồ sơ 000.00.00.H41-261206-500");
        body.put("locale", "vn");
        body.put("country_code", "VN");
        body.put("currency_code", "VND");
        body.put("environment", 1);
        body.put("status", 0);
        body.put("check_sum", hmac(KEY_2, "0|" + CLIENT_ID + "|PAY|250000|" + REFERENCE + "|3.0"));
        keypayBody = JSON.writeValueAsBytes(body);
        PaymentCallback check = keypay.verifyCallback(keypayBody);
        if (!check.reference().equals(REFERENCE) || check.amount() != 250_000) {
            throw new IllegalStateException("the Keypay client did not verify the benchmark's callback");
        }
        if (!keypayRaw()) {
            throw new IllegalStateException("the raw Keypay baseline did not verify the benchmark's callback");
        }
        setUpPayGov(now);
        setUpDvcqg(now);
    }

    private void setUpDvcqg(Instant now) throws Exception {
        InMemoryPaymentStore store = thousandPayments(PaymentSystem.DVCQG_PAYMENT_PLATFORM, "DV", now,
                (ref, dossier) -> Map.of());
        dvcqg = DvcqgPaymentPlatformClient.builder()
                .settings(ClientSettings.builder().endpoint("http://127.0.0.1:9/dvcqg-pay").build())
                .merchant("BENCH-MERCHANT", Secret.of(DVCQG_SECRET))
                .store(store)
                .build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("LoaiBanTin", "PAY");
        body.put("MaLoi", "00");
        body.put("MaDoiTac", "BENCH-MERCHANT");
        body.put("MaThamChieu", String.format("DV%017d", 500));
        body.put("SoTien", 250_000);
        body.put("MaTienTe", "VND");
        body.put("MaGiaoDich", "GD-20261206-0000500");
        body.put("MaNganHang", "VCB");
        body.put("ThoiGianGD", "20261206153012");
        body.put("ThongTinGiaoDich", "Thanh toán lệ phí hồ sơ H41-261206-500");
        StringBuilder signed = new StringBuilder();
        for (String name : DVCQG_CALLBACK_ORDER) {
            signed.append(body.get(name)).append('|');
        }
        body.put("MaXacThuc", sha256Hex(signed.append(DVCQG_SECRET).toString()));
        dvcqgBody = JSON.writeValueAsBytes(body);
        if (dvcqg.verifyCallback(dvcqgBody).amount() != 250_000 || !dvcqgRaw()) {
            throw new IllegalStateException("the DVCQG client or its raw baseline did not verify the callback");
        }
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SDK: raw bytes to a verified, typed DVCQG platform callback. */
    @Benchmark
    public PaymentCallback dvcqgSdk() {
        return dvcqg.verifyCallback(dvcqgBody);
    }

    /** Raw: Jackson tree, the ten fields and the secret joined with {@code |}, one SHA-256, an equals. */
    @Benchmark
    public boolean dvcqgRaw() throws Exception {
        JsonNode n = JSON.readTree(dvcqgBody);
        StringBuilder signed = new StringBuilder();
        for (String name : DVCQG_CALLBACK_ORDER) {
            signed.append(n.get(name).asText()).append('|');
        }
        return sha256Hex(signed.append(DVCQG_SECRET).toString()).equals(n.get("MaXacThuc").asText());
    }

    private void setUpPayGov(Instant now) throws Exception {
        InMemoryPaymentStore store = thousandPayments(PaymentSystem.PAYGOV, "RC", now, (requestCode, dossier) ->
                Map.of("orderId", "000.00.01.H41-" + dossier + "-01", "requestCode", requestCode));
        payGov = PayGovClient.builder()
                .settings(ClientSettings.builder().endpoint("http://127.0.0.1:9/lgsp").build())
                .auth(StaticHeaders.builder().header("Authorization", "Bearer bench").build())
                .partner(PayGovSandbox.PARTNER_CODE, PayGovSandbox.ACCESS_KEY, Secret.of(PayGovSandbox.SECRET_KEY))
                .serviceCode(PayGovSandbox.SERVICE_CODE)
                .unitCode("000.00.01.H41")
                .store(store)
                .inferredResultVerifier()
                .build();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderId", "000.00.01.H41-H41-261206-500-01");
        fields.put("amount", "250000");
        fields.put("orderInfo", "Le phi cap giay phep xay dung ho so H41-261206-500");
        fields.put("requestCode", String.format("RC%017d", 500));
        fields.put("transactionNo", "NP-99812345");
        fields.put("payDate", "20261206153012");
        fields.put("paygate", "NAPAS");
        fields.put("errorCode", "00");
        fields.put("type", "PAY");
        fields.put("transactionCode", "TC-20261206-500");
        payGovBody = JSON.writeValueAsBytes(PayGovSandbox.signCallback(fields, PayGovSandbox.SECRET_KEY));
        PaymentCallback check = payGov.verifyCallback(payGovBody);
        if (check.amount() != 250_000 || !payGovRaw()) {
            throw new IllegalStateException("the PayGov client or its raw baseline did not verify the callback");
        }
    }

    /**
     * A store of 1,000 pending payments of 250,000 VND: references {@code prefix} + 17 digits, dossiers
     * {@code H41-261206-<i>}, the client's own attributes from {@code attributes(reference, dossier)}.
     */
    private static InMemoryPaymentStore thousandPayments(PaymentSystem system, String prefix, Instant now,
            BiFunction<String, String, Map<String, String>> attributes) {
        InMemoryPaymentStore store = new InMemoryPaymentStore();
        for (int i = 0; i < 1_000; i++) {
            String reference = String.format("%s%017d", prefix, i);
            String dossier = "H41-261206-" + i;
            store.create(PaymentRecord.pending(system, reference,
                    PaymentOrder.of(dossier, 250_000, "Le phi cap giay phep xay dung"), now, "20261206100000",
                    attributes.apply(reference, dossier)));
        }
        return store;
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SDK: raw bytes to a verified, typed callback. */
    @Benchmark
    public PaymentCallback keypaySdk() {
        return keypay.verifyCallback(keypayBody);
    }

    /** The SDK: raw bytes to a verified, typed PayGov callback. */
    @Benchmark
    public PaymentCallback payGovSdk() {
        return payGov.verifyCallback(payGovBody);
    }

    /** Raw: Jackson tree, the secret and every value but the checksum concatenated, one SHA-256, an equals. */
    @Benchmark
    public boolean payGovRaw() throws Exception {
        JsonNode n = JSON.readTree(payGovBody);
        StringBuilder signed = new StringBuilder(PayGovSandbox.SECRET_KEY);
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!e.getKey().equals("checksum")) {
                signed.append(e.getValue().asText());
            }
        }
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(signed.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).equals(n.get("checksum").asText());
    }

    /** Raw: Jackson tree, the canonical string, one HMAC, an equals. */
    @Benchmark
    public boolean keypayRaw() throws Exception {
        JsonNode n = JSON.readTree(keypayBody);
        String signed = n.get("addition_fee").asText() + "|" + n.get("client_id").asText() + "|"
                + n.get("command").asText() + "|" + n.get("trans_amount").asText() + "|"
                + n.get("transaction_id").asText() + "|" + n.get("version").asText();
        return hmac(KEY_2, signed).equals(n.get("check_sum").asText());
    }
}
