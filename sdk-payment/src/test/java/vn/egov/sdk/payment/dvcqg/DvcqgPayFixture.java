package vn.egov.sdk.payment.dvcqg;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.payment.testsupport.CallbackEndpoint;
import vn.egov.sdk.payment.testsupport.SandboxVendor;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * A vendor for the DVCQG payment tests: a client on the sandbox and a {@link CallbackEndpoint} that hands every
 * callback to {@code handleCallback} and keeps what happened. Also the tests' own signer, written from DOMAIN's field
 * lists (not the SDK's).
 */
final class DvcqgPayFixture extends SandboxVendor<DvcqgPaymentPlatformClient> {
    final AtomicInteger effects = endpoint.effectCount();
    final List<String> rawCallbacks = endpoint.rawBodies();

    DvcqgPayFixture(NationalSandbox sandbox) {
        this(sandbox, DvcqgPaymentPlatformClient.builder());
    }

    DvcqgPayFixture(NationalSandbox sandbox, DvcqgPaymentPlatformClientBuilder builder) {
        super(sandbox, builder.settings(settings(sandbox).build())
                .merchant(DvcqgPaySandbox.MERCHANT_CODE, Secret.of(DvcqgPaySandbox.SECRET))
                .merchantIp("10.0.0.5").build(), "/dvc/confirm");
    }

    @Override
    protected void register(URI callbackUrl) {
        sandbox.dvcqgPay().callbackUrl(callbackUrl);
    }

    static vn.egov.sdk.core.http.ClientSettingsBuilder settings(NationalSandbox sandbox) {
        return ClientSettings.builder().endpoint(sandbox.dvcqgPayUrl())
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).build());
    }

    /** The tests' own checksum: SHA-256 hex of the fields joined with '|', then '|' and the secret. */
    static String sign(List<String> fields, String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((String.join("|", fields) + "|" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A callback body in the wire order, {@code SoTien} a number, signed over {@code signedFields}.
     */
    static String callbackJson(Map<String, String> f, String checksum) {
        return "{\"LoaiBanTin\":\"" + f.get("LoaiBanTin") + "\",\"MaLoi\":\"" + f.get("MaLoi") + "\",\"MaDoiTac\":\""
                + f.get("MaDoiTac") + "\",\"MaThamChieu\":\"" + f.get("MaThamChieu") + "\",\"SoTien\":"
                + f.get("SoTien") + ",\"MaTienTe\":\"" + f.get("MaTienTe") + "\",\"MaGiaoDich\":\""
                + f.get("MaGiaoDich") + "\",\"MaNganHang\":\"" + f.get("MaNganHang") + "\",\"ThoiGianGD\":\""
                + f.get("ThoiGianGD") + "\",\"ThongTinGiaoDich\":\"" + f.get("ThongTinGiaoDich")
                + "\",\"MaXacThuc\":\"" + checksum + "\"}";
    }
}
