package vn.egov.sdk.testkit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.auth.LgspAccessToken;
import vn.egov.sdk.core.auth.OAuth2ClientCredentials;
import vn.egov.sdk.testkit.internal.CallbackDispatcher;
import vn.egov.sdk.testkit.internal.PayGovSigner;
import vn.egov.sdk.testkit.internal.PayGovSimulator;

/**
 * The sandbox's PayGov, reached as through a provincial LGSP under {@code /paygov/}, from
 * {@link NationalSandbox#payGov()}. Calls need a bearer token from the sandbox's token endpoint and an
 * {@code lgspaccesstoken} header ({@link #lgspAuth()} gives both). Two partners are known: {@value #PARTNER_CODE}
 * (the standard request with its checksum) and {@value #DONG_THAP_PARTNER_CODE} (the Đồng Tháp form). Each payment
 * has a page ({@code GET /paygov/page/{requestCode}}: pay, fail or cancel) and a test API
 * ({@code POST /paygov/_test/{requestCode}/pay|fail|expire}); a settled payment's result callback is signed with
 * the [INFERRED] scheme of {@link #signCallback(Map, String)} and sent to {@link #callbackUrl(URI)} (else the
 * payment's {@code returnUrl}) as {@link #delivery(CallbackDelivery)} says. The keys here are public test values.
 */
public final class PayGovSandbox {
    /** The standard partner's code. */
    public static final String PARTNER_CODE = "PAYGOV-SANDBOX";
    /** Its access key. */
    public static final String ACCESS_KEY = "sandbox-paygov-access";
    /** Its secret key (a public test value). */
    public static final String SECRET_KEY = "sandbox-paygov-secret";
    /** Its service code. */
    public static final String SERVICE_CODE = "DVC-SANDBOX";
    /** The Đồng Tháp partner's code. */
    public static final String DONG_THAP_PARTNER_CODE = "PAYGOV-DONGTHAP";
    /** Its secret key (a public test value). */
    public static final String DONG_THAP_SECRET_KEY = "sandbox-dongthap-secret";
    /** The {@code AccessKey} inside the sandbox's {@code lgspaccesstoken} header. */
    public static final String LGSP_ACCESS_KEY = "sandbox-lgsp-access";

    private final PayGovSimulator simulator;
    private final String sandboxUrl;

    PayGovSandbox(PayGovSimulator simulator, String sandboxUrl) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.sandboxUrl = Objects.requireNonNull(sandboxUrl, "sandboxUrl");
    }

    /**
     * The LGSP base URL for a {@code PayGovClient}'s settings endpoint.
     *
     * @return {@code baseUrl() + "/paygov"}
     */
    public String baseUrl() {
        return sandboxUrl + "/paygov";
    }

    /**
     * The LGSP credentials the sandbox accepts: a bearer token from its token endpoint (the default client) and
     * the {@code lgspaccesstoken} header.
     *
     * @return a strategy adding both
     */
    public AuthStrategy lgspAuth() {
        OAuth2ClientCredentials bearer = OAuth2ClientCredentials.builder()
                .tokenUrl(sandboxUrl + NationalSandbox.TOKEN_PATH)
                .clientId(NationalSandbox.DEFAULT_CLIENT_ID)
                .clientSecret(Secret.of(NationalSandbox.DEFAULT_CLIENT_SECRET)).build();
        LgspAccessToken header = LgspAccessToken.builder().accessKey(LGSP_ACCESS_KEY)
                .secretKey(Secret.of("sandbox-lgsp-secret")).appName("PAYGOV").build();
        return new AuthStrategy() {
            @Override
            public vn.egov.sdk.core.http.ApiRequest authenticate(vn.egov.sdk.core.http.ApiRequest request,
                    vn.egov.sdk.core.http.HttpRuntime transport) {
                return header.authenticate(bearer.authenticate(request, transport), transport);
            }

            @Override
            public boolean onUnauthorized(vn.egov.sdk.core.http.ApiRequest rejected) {
                return bearer.onUnauthorized(rejected);
            }
        };
    }

    /**
     * Sends result callbacks to this URL instead of each payment's {@code returnUrl}.
     *
     * @param url the vendor's callback endpoint
     */
    public void callbackUrl(URI url) {
        simulator.callbackUrl(ValidationException.requireNonNull(url, "PayGovSandbox.callbackUrl"));
    }

    /**
     * How the next callbacks are delivered (now, late, duplicated, out of order, never).
     *
     * @param plan the plan
     */
    public void delivery(CallbackDelivery plan) {
        simulator.dispatcher().plan(PayGovSimulator.SYSTEM,
                ValidationException.requireNonNull(plan, "PayGovSandbox.delivery"));
    }

    /**
     * Pays a pending payment, as the test API does.
     *
     * @param requestCode the payment's {@code requestCode}
     * @return whether a pending payment was paid
     */
    public boolean pay(String requestCode) {
        return simulator.settleForTest(requestCode, "pay");
    }

    /**
     * Fails a pending payment.
     *
     * @param requestCode the payment's {@code requestCode}
     * @return whether a pending payment was failed
     */
    public boolean fail(String requestCode) {
        return simulator.settleForTest(requestCode, "fail");
    }

    /**
     * Lets a pending payment expire (no callback is sent).
     *
     * @param requestCode the payment's {@code requestCode}
     * @return whether a pending payment expired
     */
    public boolean expire(String requestCode) {
        return simulator.settleForTest(requestCode, "expire");
    }

    /**
     * A payment's state in the simulator.
     *
     * @param requestCode the {@code requestCode}
     * @return {@code PENDING}, {@code PAID}, {@code FAILED} or {@code EXPIRED}, or empty when unknown
     */
    public Optional<String> state(String requestCode) {
        return simulator.state(requestCode);
    }

    /**
     * How many payments were created (a retried request with the same {@code requestCode} counts once).
     *
     * @return the count
     */
    public int transactions() {
        return simulator.transactionCount();
    }

    /**
     * The vendor's answers to the callbacks sent so far, oldest first (the error text when a delivery failed).
     *
     * @return the reply bodies
     */
    public List<String> callbackReplies() {
        return simulator.dispatcher().attempts().stream()
                .filter(a -> PayGovSimulator.SYSTEM.equals(a.system())).map(CallbackDispatcher.Attempt::reply).toList();
    }

    /**
     * Signs callback fields with the sandbox's [INFERRED] result scheme, for vendors' unit tests: adds
     * {@code checksum} = lowercase hex SHA-256 of the UTF-8 bytes of {@code secretKey} followed by every field's
     * value in the map's order.
     *
     * @param fields the fields in body order, without {@code checksum}
     * @param secretKey the partner's secret key
     * @return a copy with {@code checksum} last
     */
    public static Map<String, String> signCallback(Map<String, String> fields, String secretKey) {
        ValidationException.requireNonNull(fields, "PayGovSandbox.fields");
        ValidationException.requireNonNull(secretKey, "PayGovSandbox.secretKey");
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!"checksum".equals(k)) {
                copy.put(k, v == null ? "" : v);
            }
        });
        copy.put("checksum", PayGovSigner.result(secretKey, copy));
        return copy;
    }

    @Override
    public String toString() {
        return "PayGovSandbox[" + baseUrl() + "]";
    }
}
