package vn.egov.sdk.payment.paygov;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentStore;

/**
 * Builder of {@link PayGovClient}: the HTTP settings in one {@link ClientSettings} (its endpoint, the LGSP base URL
 * that proxies PayGov, is required), the LGSP credentials as an {@link AuthStrategy} (Bearer and
 * {@code lgspaccesstoken}, for example {@link vn.egov.sdk.core.auth.LgspAccessToken}), the PayGov partner
 * credentials, the agency's unit code and a result-checksum verifier (required: there is no unverified mode).
 * Paths are relative to the endpoint unless absolute. Not thread-safe.
 */
public final class PayGovClientBuilder {
    /** [INFERRED] The default path of the payment request, under the LGSP base. */
    public static final String DEFAULT_PAYGATE_PATH = "/PayGov/Paygate";
    /** [INFERRED] The default path of the receipt request ({@code urlBienLai}). */
    public static final String DEFAULT_RECEIPT_PATH = "/PayGov/BienLai";
    /** The Đồng Tháp LGSP's return-URL check, under its base {@code https://api.dongthap.gov.vn/api/v1}. */
    public static final String DEFAULT_CHECK_RETURN_PATH = "/PayGov/CheckSumUrlReturn";
    /** [INFERRED] The default cap on one payment: 1,000,000,000 VND. */
    public static final long DEFAULT_AMOUNT_CAP = 1_000_000_000L;
    /** The default largest callback body read: 64 KiB. */
    public static final int DEFAULT_MAX_CALLBACK_BYTES = 64 * 1024;

    ClientSettings settings = ClientSettings.defaults();
    AuthStrategy auth;
    PayGovVariant variant = PayGovVariant.STANDARD;
    String partnerCode;
    String accessKey;
    Secret secretKey;
    String serviceCode;
    String unitCode;
    String accountPay;
    String paygatePath = DEFAULT_PAYGATE_PATH;
    String receiptPath = DEFAULT_RECEIPT_PATH;
    String checkReturnPath = DEFAULT_CHECK_RETURN_PATH;
    String queryPath;
    URI returnUrl;
    String ipAddress = "127.0.0.1";
    long amountCap = DEFAULT_AMOUNT_CAP;
    int maxCallbackBytes = DEFAULT_MAX_CALLBACK_BYTES;
    PaymentStore store = new InMemoryPaymentStore();
    PayGovResultVerifier verifier;
    boolean defaultVerifier;
    PayGovStatusCodes statusCodes = PayGovStatusCodes.defaults();

    PayGovClientBuilder() {
    }

    /**
     * The HTTP settings: the LGSP base URL (required), timeouts, deadline, retries, clock.
     *
     * @param value the settings
     * @return this builder
     */
    public PayGovClientBuilder settings(ClientSettings value) {
        this.settings = ValidationException.requireNonNull(value, "PayGovClient.settings");
        return this;
    }

    /**
     * The LGSP credentials added to every call ({@code Authorization: Bearer} and {@code lgspaccesstoken}).
     *
     * @param value the strategy, required
     * @return this builder
     */
    public PayGovClientBuilder auth(AuthStrategy value) {
        this.auth = ValidationException.requireNonNull(value, "PayGovClient.auth");
        return this;
    }

    /**
     * The protocol flavour (default {@link PayGovVariant#STANDARD}).
     *
     * @param value the variant
     * @return this builder
     */
    public PayGovClientBuilder variant(PayGovVariant value) {
        this.variant = ValidationException.requireNonNull(value, "PayGovClient.variant");
        return this;
    }

    /**
     * The PayGov partner credentials. {@code accessKey} is required for {@link PayGovVariant#STANDARD} only.
     *
     * @param partner {@code partnerCode}
     * @param access {@code accessKey}, or {@code null} for the Đồng Tháp variant
     * @param secret {@code secretKey}, which signs requests and (by default) verifies callbacks
     * @return this builder
     */
    public PayGovClientBuilder partner(String partner, String access, Secret secret) {
        this.partnerCode = partner;
        this.accessKey = access;
        this.secretKey = secret;
        return this;
    }

    /**
     * The {@code serviceCode} PayGov assigned (required for {@link PayGovVariant#STANDARD}).
     *
     * @param value the service code
     * @return this builder
     * @throws ValidationException when blank
     */
    public PayGovClientBuilder serviceCode(String value) {
        this.serviceCode = ValidationException.requireText(value, "PayGovClient.serviceCode");
        return this;
    }

    /**
     * The agency's unit code, its DVCQG item code: {@code orderId} is {@code <unitCode>-<dossierCode>-01}. Required.
     *
     * @param value the unit code
     * @return this builder
     * @throws ValidationException when blank
     */
    public PayGovClientBuilder unitCode(String value) {
        this.unitCode = ValidationException.requireText(value, "PayGovClient.unitCode");
        return this;
    }

    /**
     * The {@code accountPay} the Đồng Tháp variant sends (required there).
     *
     * @param value the account
     * @return this builder
     * @throws ValidationException when blank
     */
    public PayGovClientBuilder accountPay(String value) {
        this.accountPay = ValidationException.requireText(value, "PayGovClient.accountPay");
        return this;
    }

    /**
     * Where payment requests go ({@code urlPaygate}), a path under the endpoint or an absolute URL.
     *
     * @param value default {@value #DEFAULT_PAYGATE_PATH} [INFERRED]
     * @return this builder
     */
    public PayGovClientBuilder urlPaygate(String value) {
        this.paygatePath = ValidationException.requireText(value, "PayGovClient.urlPaygate");
        return this;
    }

    /**
     * Where receipt requests go ({@code urlBienLai}), a path under the endpoint or an absolute URL.
     *
     * @param value default {@value #DEFAULT_RECEIPT_PATH} [INFERRED]
     * @return this builder
     */
    public PayGovClientBuilder urlBienLai(String value) {
        this.receiptPath = ValidationException.requireText(value, "PayGovClient.urlBienLai");
        return this;
    }

    /**
     * Where the Đồng Tháp return-URL check goes.
     *
     * @param value default {@value #DEFAULT_CHECK_RETURN_PATH}
     * @return this builder
     */
    public PayGovClientBuilder urlCheckSumUrlReturn(String value) {
        this.checkReturnPath = ValidationException.requireText(value, "PayGovClient.urlCheckSumUrlReturn");
        return this;
    }

    /**
     * [INFERRED] A status query endpoint, if the LGSP offers one. PayGov publishes none: without this,
     * {@link PayGovClient#query(String)} refuses with a {@link ValidationException}.
     *
     * @param value a path under the endpoint or an absolute URL
     * @return this builder
     */
    public PayGovClientBuilder urlQuery(String value) {
        this.queryPath = ValidationException.requireText(value, "PayGovClient.urlQuery");
        return this;
    }

    /**
     * [INFERRED] How PayGov's status codes (the callback's and the status query's {@code errorCode}) become a payment
     * state; default {@link PayGovStatusCodes#defaults()}: {@code "00"} paid, {@code "99"} pending, {@code "24"}
     * expired, anything else failed. Confirm them with the operator.
     *
     * @param value the codes
     * @return this builder
     */
    public PayGovClientBuilder statusCodes(PayGovStatusCodes value) {
        this.statusCodes = ValidationException.requireNonNull(value, "PayGovClient.statusCodes");
        return this;
    }

    /**
     * The {@code returnUrl} used when an order carries none.
     *
     * @param value the URL
     * @return this builder
     */
    public PayGovClientBuilder returnUrl(URI value) {
        this.returnUrl = ValidationException.requireNonNull(value, "PayGovClient.returnUrl");
        return this;
    }

    /**
     * The {@code ipAddress} sent with payment requests.
     *
     * @param value default {@code 127.0.0.1} [INFERRED]
     * @return this builder
     */
    public PayGovClientBuilder ipAddress(String value) {
        this.ipAddress = ValidationException.requireText(value, "PayGovClient.ipAddress");
        return this;
    }

    /**
     * The largest amount one payment may have.
     *
     * @param vnd default {@value #DEFAULT_AMOUNT_CAP} VND [INFERRED]
     * @return this builder
     */
    public PayGovClientBuilder amountCap(long vnd) {
        this.amountCap = vnd;
        return this;
    }

    /**
     * The largest callback body read.
     *
     * @param bytes default {@value #DEFAULT_MAX_CALLBACK_BYTES}
     * @return this builder
     */
    public PayGovClientBuilder maxCallbackBytes(int bytes) {
        this.maxCallbackBytes = bytes;
        return this;
    }

    /**
     * Where payments are recorded (default a new {@link InMemoryPaymentStore}).
     *
     * @param value the store
     * @return this builder
     */
    public PayGovClientBuilder store(PaymentStore value) {
        this.store = ValidationException.requireNonNull(value, "PayGovClient.store");
        return this;
    }

    /**
     * The result-checksum verifier agreed with the PayGov operator.
     *
     * @param value the verifier
     * @return this builder
     */
    public PayGovClientBuilder resultVerifier(PayGovResultVerifier value) {
        this.verifier = ValidationException.requireNonNull(value, "PayGovClient.resultVerifier");
        this.defaultVerifier = false;
        return this;
    }

    /**
     * Verifies callbacks with {@link PayGovSha256ResultVerifier#of(Secret)} over the partner's secret key
     * (an [INFERRED] scheme; the sandbox uses it).
     *
     * @return this builder
     */
    public PayGovClientBuilder inferredResultVerifier() {
        this.verifier = null;
        this.defaultVerifier = true;
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ValidationException naming every missing or wrong setting
     */
    public PayGovClient build() {
        List<FieldError> errors = new ArrayList<>();
        if (settings.endpoint().isEmpty()) {
            errors.add(new FieldError("required", "PayGovClient.settings.endpoint",
                    "the settings' endpoint (the LGSP base URL) is required"));
        }
        if (auth == null) {
            errors.add(new FieldError("required", "PayGovClient.auth", "the LGSP auth strategy is required"));
        }
        requireText(errors, partnerCode, "PayGovClient.partnerCode");
        if (secretKey == null) {
            errors.add(new FieldError("required", "PayGovClient.secretKey", "secretKey is required"));
        }
        requireText(errors, unitCode, "PayGovClient.unitCode");
        if (variant == PayGovVariant.STANDARD) {
            requireText(errors, accessKey, "PayGovClient.accessKey");
            requireText(errors, serviceCode, "PayGovClient.serviceCode");
        } else {
            requireText(errors, accountPay, "PayGovClient.accountPay");
        }
        if (amountCap <= 0) {
            errors.add(new FieldError("positive", "PayGovClient.amountCap", "the amount cap must be above 0 VND"));
        }
        if (maxCallbackBytes < 256) {
            errors.add(new FieldError("range", "PayGovClient.maxCallbackBytes", "at least 256 bytes"));
        }
        if (verifier == null && !defaultVerifier) {
            errors.add(new FieldError("required", "PayGovClient.resultVerifier",
                    "a result verifier is required: resultVerifier(...) or inferredResultVerifier()"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        PayGovResultVerifier v = verifier != null ? verifier : PayGovSha256ResultVerifier.of(secretKey);
        return new PayGovClient(this, v);
    }

    private static void requireText(List<FieldError> errors, String value, String path) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("required", path, path.substring(path.indexOf('.') + 1) + " is required"));
        }
    }

    @Override
    public String toString() {
        return "PayGovClientBuilder[variant=" + variant + ", partnerCode=" + partnerCode + ", unitCode=" + unitCode
                + ", secretKey=" + (secretKey == null ? "none" : "***") + "]";
    }
}
