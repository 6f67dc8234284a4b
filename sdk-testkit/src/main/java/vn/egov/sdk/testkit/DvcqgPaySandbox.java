package vn.egov.sdk.testkit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.testkit.internal.DvcqgPayDefaults;
import vn.egov.sdk.testkit.internal.DvcqgPayPages;
import vn.egov.sdk.testkit.internal.DvcqgPaySimulator;
import vn.egov.sdk.testkit.internal.DvcqgPayTransaction;

/**
 * The sandbox's DVCQG payment platform under {@code /dvcqg-pay/}, from {@link NationalSandbox#dvcqgPay()}.
 *
 * <p>Endpoints (all {@code POST} JSON unless said): {@code init}, {@code query}, {@code get-bill} (the receipt PDF,
 * once paid), each checking {@code MaXacThuc} in its message's own field order and answering {@code MaLoi}
 * ({@code 01} wrong checksum, {@code 02} unknown merchant, {@code 03} bad field, {@code 04} reference reused with
 * other content, {@code 05} not found, {@code 06} not paid); {@code GET page/{id}}, the HTML payment page with a
 * bank choice and Pay / Fail / Cancel buttons that post a form; {@code _test/{reference}/pay|fail|expire}, the same
 * without a browser. A payment or a failure sends a signed result callback ({@code MaLoi 00} paid, {@code 99}
 * failed) to the merchant's {@linkplain #callbackUrl(URI) registered URL} as {@link #delivery(CallbackDelivery)}
 * says; an expiry sends none (a {@code QUERY} answers {@code TrangThaiGD 4}). The test merchant is
 * {@value #MERCHANT_CODE} with secret {@value #SECRET}: public test values.
 */
public final class DvcqgPaySandbox {
    /** The test merchant's {@code MaDoiTac}. */
    public static final String MERCHANT_CODE = DvcqgPayDefaults.MERCHANT_CODE;
    /** Its checksum secret (a public test value). */
    public static final String SECRET = DvcqgPayDefaults.SECRET;

    private final DvcqgPaySimulator simulator;
    private final String baseUrl;

    /**
     * A transaction as the simulated platform holds it.
     *
     * @param reference {@code MaThamChieu}
     * @param merchant {@code MaDoiTac}
     * @param amount {@code SoTien} in VND
     * @param state {@code PENDING}, {@code PAID}, {@code FAILED} or {@code EXPIRED}
     * @param gatewayTransactionId {@code MaGiaoDich}, empty while pending
     * @param paymentPage the payment page's URL
     */
    public record Transaction(String reference, String merchant, long amount, String state,
            String gatewayTransactionId, URI paymentPage) {
    }

    /**
     * One callback sent to a vendor.
     *
     * @param reference the {@code MaThamChieu} it is about
     * @param url where it went
     * @param body the JSON sent
     * @param status the vendor's HTTP status, or -1 when it could not be reached
     * @param reply the vendor's answer, or the error
     */
    public record Delivery(String reference, URI url, String body, int status, String reply) {
    }

    DvcqgPaySandbox(DvcqgPaySimulator simulator, String baseUrl) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.baseUrl = baseUrl;
    }

    /**
     * The test merchant's code.
     *
     * @return {@value #MERCHANT_CODE}
     */
    public String merchantCode() {
        return MERCHANT_CODE;
    }

    /**
     * The test merchant's secret.
     *
     * @return {@value #SECRET}
     */
    public String secret() {
        return SECRET;
    }

    /**
     * Registers another merchant.
     *
     * @param code its {@code MaDoiTac}
     * @param secret its checksum secret
     * @return this handle
     */
    public DvcqgPaySandbox addMerchant(String code, String secret) {
        simulator.addMerchant(ValidationException.requireText(code, "DvcqgPaySandbox.merchant"),
                ValidationException.requireText(secret, "DvcqgPaySandbox.secret"));
        return this;
    }

    /**
     * Where the test merchant's callbacks go.
     *
     * @param url the vendor's callback URL
     * @return this handle
     */
    public DvcqgPaySandbox callbackUrl(URI url) {
        return callbackUrl(MERCHANT_CODE, url);
    }

    /**
     * Where a merchant's callbacks go.
     *
     * @param merchant its {@code MaDoiTac}
     * @param url the vendor's callback URL
     * @return this handle
     */
    public DvcqgPaySandbox callbackUrl(String merchant, URI url) {
        simulator.callbackUrl(ValidationException.requireText(merchant, "DvcqgPaySandbox.merchant"),
                ValidationException.requireNonNull(url, "DvcqgPaySandbox.callbackUrl"));
        return this;
    }

    /**
     * The callback URL registered for a merchant.
     *
     * @param merchant its {@code MaDoiTac}
     * @return the URL, if registered
     */
    public Optional<URI> registeredCallbackUrl(String merchant) {
        return simulator.callbackUrl(merchant);
    }

    /**
     * How the next callbacks are delivered (reset to {@link CallbackDelivery#now()} by {@link NationalSandbox#reset()}).
     *
     * @param value the delivery
     * @return this handle
     */
    public DvcqgPaySandbox delivery(CallbackDelivery value) {
        simulator.dispatcher().plan(DvcqgPaySimulator.SYSTEM,
                ValidationException.requireNonNull(value, "DvcqgPaySandbox.delivery"));
        return this;
    }

    /**
     * Answers INIT as a provincial proxy does, {@code {error_code: "0", message: "<json>"}} (until reset).
     *
     * @param on whether to
     * @return this handle
     */
    public DvcqgPaySandbox proxyEnvelope(boolean on) {
        simulator.proxyEnvelope(on);
        return this;
    }

    /**
     * The payer pays (first bank), as the page's Pay button does.
     *
     * @param reference {@code MaThamChieu}
     * @return whether the transaction moved (false when already final)
     * @throws ValidationException when no such transaction exists
     */
    public boolean pay(String reference) {
        return finish(reference, DvcqgPayTransaction.State.PAID);
    }

    /**
     * The payment fails, as the page's Fail button does.
     *
     * @param reference {@code MaThamChieu}
     * @return whether the transaction moved
     * @throws ValidationException when no such transaction exists
     */
    public boolean fail(String reference) {
        return finish(reference, DvcqgPayTransaction.State.FAILED);
    }

    /**
     * The payment window closes: no callback is sent.
     *
     * @param reference {@code MaThamChieu}
     * @return whether the transaction moved
     * @throws ValidationException when no such transaction exists
     */
    public boolean expire(String reference) {
        return finish(reference, DvcqgPayTransaction.State.EXPIRED);
    }

    /**
     * A transaction.
     *
     * @param reference {@code MaThamChieu}
     * @return the transaction, if the platform holds one
     */
    public Optional<Transaction> transaction(String reference) {
        return simulator.transaction(reference).map(this::view);
    }

    /**
     * Every transaction, oldest first.
     *
     * @return the transactions
     */
    public List<Transaction> transactions() {
        return simulator.transactions().stream().map(this::view).toList();
    }

    /**
     * How many transactions INIT created since the last reset (a repeated INIT does not count).
     *
     * @return the count
     */
    public int transactionsCreated() {
        return simulator.transactionsCreated();
    }

    /**
     * The DVCQG platform callbacks sent so far, oldest first (of the last 1,000 of all payment simulators).
     *
     * @return the deliveries
     */
    public List<Delivery> deliveries() {
        return simulator.dispatcher().attempts().stream()
                .filter(a -> DvcqgPaySimulator.SYSTEM.equals(a.system()))
                .map(a -> new Delivery(a.reference(), a.url(), a.body(), a.status(), a.reply())).toList();
    }

    /**
     * The banks the payment page offers.
     *
     * @return bank codes
     */
    public List<String> banks() {
        return DvcqgPayPages.BANKS;
    }

    @Override
    public String toString() {
        return "DvcqgPaySandbox[" + baseUrl + "/dvcqg-pay, merchant " + MERCHANT_CODE + "]";
    }

    /**
     * Signs a result callback for a vendor's unit test, as the platform would, without a running sandbox: adds
     * {@code MaXacThuc} = lowercase hex SHA-256 of {@code LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien|MaTienTe|
     * MaGiaoDich|MaNganHang|ThoiGianGD|ThongTinGiaoDich|secret} over UTF-8. Change a field afterwards to test a
     * refusal.
     *
     * @param fields the callback's fields (wire names; missing ones sign as empty text)
     * @param secret the merchant's checksum secret
     * @return a copy of the fields in the callback's order, {@code MaXacThuc} last, ready to be written as JSON
     */
    public static Map<String, String> signCallback(Map<String, String> fields, String secret) {
        ValidationException.requireNonNull(fields, "DvcqgPaySandbox.fields");
        ValidationException.requireNonNull(secret, "DvcqgPaySandbox.secret");
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : DvcqgPaySimulator.CALLBACK_ORDER) {
            out.put(name, fields.getOrDefault(name, ""));
        }
        fields.forEach((k, v) -> {
            if (!out.containsKey(k) && !"MaXacThuc".equals(k)) {
                out.put(k, v);
            }
        });
        out.put("MaXacThuc", DvcqgPaySimulator.callbackChecksum(out, secret));
        return out;
    }

    private boolean finish(String reference, DvcqgPayTransaction.State to) {
        ValidationException.requireText(reference, "DvcqgPaySandbox.reference");
        return simulator.finish(reference, to, DvcqgPayPages.BANKS.get(0)).orElseThrow(() ->
                ValidationException.of("unknown", "DvcqgPaySandbox.reference",
                        "the sandbox holds no DVCQG transaction with this MaThamChieu"));
    }

    private Transaction view(DvcqgPayTransaction tx) {
        return new Transaction(tx.reference(), tx.merchant(), tx.amount(), tx.state().name(), tx.gatewayId(),
                URI.create(baseUrl + "/dvcqg-pay/page/" + tx.id()));
    }
}
