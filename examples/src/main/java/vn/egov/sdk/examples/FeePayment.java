package vn.egov.sdk.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.FeeItem;
import vn.egov.sdk.payment.FeeKind;
import vn.egov.sdk.payment.Payer;
import vn.egov.sdk.payment.PaymentCallback;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.ReceiptInfo;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * A dossier's fee paid end to end through the payment platform of the national public-service portal (the
 * sandbox's): create the payment with its receipt info, the citizen pays, the platform's callback arrives at the
 * vendor's own endpoint and is verified and applied once, and the receipt PDF is fetched. Shared by {@link PayFee}
 * and the {@link Tour}.
 */
final class FeePayment {
    static final String CALLBACK_FILE = "payment-callback.json";
    static final String RECEIPT_FILE = "payment-receipt.pdf";
    static final String HASH_KEY_FILE = "payment-hash-key.txt";
    static final long FEE = 150_000;
    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(10);

    /** What paying the fee did. */
    record Result(PaymentStart start, PaymentCallbackEndpoint.Received callback, PaymentCallback verified,
            int effectsRun, Path receipt, long receiptBytes) {
    }

    private FeePayment() {
    }

    /** A client of the sandbox's platform, as the test merchant. */
    static DvcqgPaymentPlatformClient client(NationalSandbox sandbox) {
        return DvcqgPaymentPlatformClient.builder()
                .settings(ClientSettings.builder().endpoint(sandbox.dvcqgPayUrl())
                        .readTimeout(Duration.ofSeconds(10))
                        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build())
                .merchant(DvcqgPaySandbox.MERCHANT_CODE, Secret.of(DvcqgPaySandbox.SECRET))
                .build();
    }

    /** The receipt info ({@code ThongTinBienLai}) of a building-permit dossier: a fee and a charge. */
    static ReceiptInfo receipt(String dossier, Payer payer) {
        return ReceiptInfo.builder(FEE).dossierCode(dossier)
                .agency("000.00.00.H41", "UBND tỉnh Nghệ An")
                .procedure("1.009972", "Cấp giấy phép xây dựng")
                .payer(payer)
                .content("Nộp phí, lệ phí hồ sơ " + dossier)
                .fee(new FeeItem(FeeKind.PHI, "", "Phí thẩm định", 100_000))
                .fee(new FeeItem(FeeKind.LE_PHI, "LP01", "Lệ phí cấp giấy phép xây dựng", 50_000))
                .build();
    }

    /**
     * Pays {@code dossier}'s fee; writes the callback received ({@value #CALLBACK_FILE}) and the receipt
     * ({@value #RECEIPT_FILE}) to {@code out}, saying each step to {@code say}. Throws when a step does not behave.
     */
    static Result pay(NationalSandbox sandbox, String dossier, Path out, Consumer<String> say) {
        AtomicInteger effects = new AtomicInteger();
        try (DvcqgPaymentPlatformClient client = client(sandbox);
                PaymentCallbackEndpoint endpoint = PaymentCallbackEndpoint.start(client,
                        payment -> effects.incrementAndGet())) {
            sandbox.dvcqgPay().callbackUrl(endpoint.url());
            say.accept("callback endpoint listening at " + endpoint.url() + ", registered as merchant "
                    + DvcqgPaySandbox.MERCHANT_CODE + "'s callback URL");

            Payer payer = Payer.named("Nguyễn Văn An").withIdNumber("001099012345");
            PaymentOrder order = PaymentOrder.of(dossier, FEE, "Lệ phí cấp giấy phép xây dựng").withPayer(payer);
            PaymentStart start = client.create(order, receipt(dossier, payer));
            say.accept("INIT: reference (MaThamChieu) " + start.reference() + ", send the payer to "
                    + start.redirectUrl());

            Tour.expect(sandbox.dvcqgPay().pay(start.reference()), "the simulator did not take the payment");
            say.accept("the citizen paid " + FEE + " VND on the simulator's page (its test API)");

            PaymentCallbackEndpoint.Received received = endpoint.await(CALLBACK_WAIT);
            CallbackOutcome outcome = received.outcome();
            Tour.expect(outcome != null, "the callback could not be handled: " + received.error());
            Tour.expect(outcome.result() == CallbackOutcome.Result.APPLIED,
                    "expected the callback APPLIED, got " + outcome.result() + outcome.failure().map(f -> ": " + f)
                            .orElse(""));
            PaymentCallback callback = outcome.callback().orElseThrow();
            Tour.expect(callback.state() == PaymentState.PAID && callback.amount() == FEE
                    && callback.reference().equals(start.reference()), "expected PAID " + FEE + " VND: " + callback);
            Tour.expect(effects.get() == 1, "expected the effect to run once, ran " + effects.get());
            Tour.expect(!callback.fields().getOrDefault("MaXacThuc", "").isEmpty(), "expected MaXacThuc");
            write(out.resolve(CALLBACK_FILE), received.body());
            say.accept("callback verified (MaXacThuc " + callback.fields().get("MaXacThuc").substring(0, 12)
                    + "…), " + outcome.result() + ": " + callback.state() + " " + callback.amount()
                    + " VND, platform transaction " + callback.gatewayTransactionId() + ", bank "
                    + callback.fields().get("MaNganHang") + "; the dossier moved on once; replied HTTP "
                    + outcome.reply().httpStatus() + " " + outcome.reply().bodyText());

            Path receiptFile = out.resolve(RECEIPT_FILE);
            byte[] pdf;
            try (InputStream in = client.openReceipt(start.reference())) {
                pdf = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(receiptFile, pdf);
            say.accept("GET_BILL: the receipt PDF (" + pdf.length + " bytes) written to " + receiptFile);
            return new Result(start, received, callback, effects.get(), receiptFile, pdf.length);
        }
    }

    /**
     * Writes the sandbox's test hash key to {@value #HASH_KEY_FILE} in {@code out}, so the written callback's
     * {@code MaXacThuc} can be checked with other tools: comment lines saying what it is, then the key alone.
     */
    static Path writeHashKey(Path out) {
        Path file = out.resolve(HASH_KEY_FILE);
        String text = "# The checksum secret (hash key) of merchant " + DvcqgPaySandbox.MERCHANT_CODE
                + " on the SDK sandbox's DVCQG payment platform.\n"
                + "# A PUBLIC TEST VALUE, published with the SDK: not a secret, and worthless against the real"
                + " platform.\n"
                + "# MaXacThuc of " + CALLBACK_FILE + " = lowercase hex SHA-256 of the UTF-8 bytes of\n"
                + "# LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien|MaTienTe|MaGiaoDich|MaNganHang|ThoiGianGD"
                + "|ThongTinGiaoDich|<this key>\n"
                + DvcqgPaySandbox.SECRET + "\n";
        write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return file;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
