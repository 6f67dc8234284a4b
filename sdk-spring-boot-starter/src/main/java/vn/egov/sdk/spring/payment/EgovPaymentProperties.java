package vn.egov.sdk.spring.payment;

import vn.egov.sdk.spring.EgovClientProperties;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.payment.paygov.PayGovVariant;
import vn.egov.sdk.spring.payment.internal.EgovPaymentPropertiesRules;

/**
 * The payment settings under {@code egov.payment.*}: one section per national payment system ({@code dvcqg}, the
 * payment platform of the national public-service portal; {@code paygov}; {@code keypay}), each with its endpoint,
 * timeouts, credentials and callback path, and the callback endpoint's own settings ({@code egov.payment.callback}).
 *
 * <p>A system's client exists only when its {@code url} is set. Keys bind from the environment
 * ({@code EGOV_PAYMENT_DVCQG_HASH_KEY}, {@code EGOV_PAYMENT_PAYGOV_SECRET_KEY},
 * {@code EGOV_PAYMENT_KEYPAY_HASH_KEY1}, {@code EGOV_PAYMENT_KEYPAY_HASH_KEY2}) into {@link Secret}s and are never
 * printed. The properties validate themselves when bound: a broken rule stops the start-up with a message naming
 * the property and the rule.
 */
@ConfigurationProperties(prefix = "egov.payment")
public class EgovPaymentProperties implements Validator {
    private final Dvcqg dvcqg = new Dvcqg();
    private final PayGov paygov = new PayGov();
    private final Keypay keypay = new Keypay();
    private final Callback callback = new Callback();
    private final Reconcile reconcile = new Reconcile();

    /** Creates the properties with their defaults (no system configured). */
    public EgovPaymentProperties() {
        // bound by Spring Boot
    }

    /**
     * The DVCQG payment platform's settings.
     *
     * @return the settings, never {@code null}
     */
    public Dvcqg getDvcqg() {
        return dvcqg;
    }

    /**
     * PayGov's settings.
     *
     * @return the settings, never {@code null}
     */
    public PayGov getPaygov() {
        return paygov;
    }

    /**
     * Keypay DVCQG's settings.
     *
     * @return the settings, never {@code null}
     */
    public Keypay getKeypay() {
        return keypay;
    }

    /**
     * The callback endpoint's settings.
     *
     * @return the settings, never {@code null}
     */
    public Callback getCallback() {
        return callback;
    }

    /**
     * The reconciler's settings.
     *
     * @return the settings, never {@code null}
     */
    public Reconcile getReconcile() {
        return reconcile;
    }

    @Override
    public boolean supports(Class<?> clazz) {
        return EgovPaymentProperties.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EgovPaymentPropertiesRules.check((EgovPaymentProperties) target, errors);
    }

    @Override
    public String toString() {
        return "EgovPaymentProperties[dvcqg=" + dvcqg + ", paygov=" + paygov + ", keypay=" + keypay + ", callback="
                + callback + ", reconcile=" + reconcile + "]";
    }

    static String mask(Secret secret) {
        return secret == null ? "unset" : "***";
    }

    /** What every payment system's section has: where it is, how long calls may take, where its callbacks come. */
    public abstract static class Gateway extends EgovClientProperties {
        /** The largest amount, in whole VND, a payment may ask for (the SDK's default cap when unset). */
        private Long maxAmount;
        /**
         * The path of this system's result-callback endpoint, as registered with its operator; by default
         * /egov/payment/dvcqg/callback, /egov/payment/paygov/callback or /egov/payment/keypay/callback.
         */
        private String callbackPath;

        /**
         * Creates the settings.
         *
         * @param callbackPath the default callback path
         */
        protected Gateway(String callbackPath) {
            this.callbackPath = callbackPath;
        }

        /**
         * The amount cap.
         *
         * @return the cap in VND, or {@code null} for the SDK's default
         */
        public Long getMaxAmount() {
            return maxAmount;
        }

        /**
         * Sets the amount cap.
         *
         * @param maxAmount above 0 VND
         */
        public void setMaxAmount(Long maxAmount) {
            this.maxAmount = maxAmount;
        }

        /**
         * The callback endpoint's path.
         *
         * @return the path, starting with {@code /}
         */
        public String getCallbackPath() {
            return callbackPath;
        }

        /**
         * Sets the callback endpoint's path.
         *
         * @param callbackPath a path starting with {@code /}
         */
        public void setCallbackPath(String callbackPath) {
            this.callbackPath = callbackPath;
        }

        /**
         * The common settings as text, for the sections' {@code toString}.
         *
         * @return the text, no secret in it
         */
        protected String common() {
            return clientText() + ", maxAmount=" + maxAmount + ", callbackPath=" + callbackPath;
        }
    }

    /** The payment platform of the national public-service portal (Nền tảng thanh toán của Cổng DVCQG). */
    public static class Dvcqg extends Gateway {
        /** This merchant's partner code on the platform ({@code MaDoiTac}). */
        private String merchantCode;
        /** The checksum secret agreed with the platform; bind it from the environment (EGOV_PAYMENT_DVCQG_HASH_KEY). */
        private Secret hashKey;
        /** The merchant's IP address sent in INIT ({@code Ip}); this host's address when unset. */
        private String merchantIp;

        /** Creates the settings; callbacks at {@code /egov/payment/dvcqg/callback} by default. */
        public Dvcqg() {
            super("/egov/payment/dvcqg/callback");
        }

        /**
         * The partner code ({@code MaDoiTac}).
         *
         * @return the code, or {@code null}
         */
        public String getMerchantCode() {
            return merchantCode;
        }

        /**
         * Sets the partner code.
         *
         * @param merchantCode the code
         */
        public void setMerchantCode(String merchantCode) {
            this.merchantCode = merchantCode;
        }

        /**
         * The checksum secret.
         *
         * @return the secret, or {@code null}
         */
        public Secret getHashKey() {
            return hashKey;
        }

        /**
         * Sets the checksum secret (bound from text).
         *
         * @param hashKey the secret
         */
        public void setHashKey(Secret hashKey) {
            this.hashKey = hashKey;
        }

        /**
         * The merchant's IP address.
         *
         * @return the address, or {@code null} for this host's
         */
        public String getMerchantIp() {
            return merchantIp;
        }

        /**
         * Sets the merchant's IP address.
         *
         * @param merchantIp the address
         */
        public void setMerchantIp(String merchantIp) {
            this.merchantIp = merchantIp;
        }

        @Override
        public String toString() {
            return "Dvcqg[" + common() + ", merchantCode=" + merchantCode + ", hashKey=" + mask(hashKey)
                    + ", merchantIp=" + merchantIp + "]";
        }
    }

    /** PayGov (Cổng hỗ trợ thanh toán quốc gia), reached through a provincial LGSP. */
    public static class PayGov extends Gateway {
        /** The body PayGov expects: STANDARD, or DONG_THAP (Đồng Tháp's LGSP, no checksum). */
        private PayGovVariant variant = PayGovVariant.STANDARD;
        /** This merchant's partner code ({@code partnerCode}). */
        private String partnerCode;
        /** The access key ({@code accessKey}); required by the STANDARD variant. */
        private String accessKey;
        /** The secret key of the request checksum; bind it from the environment (EGOV_PAYMENT_PAYGOV_SECRET_KEY). */
        private Secret secretKey;
        /** The service code ({@code serviceCode}); required by the STANDARD variant. */
        private String serviceCode;
        /** The agency's DVCQG item code, the first part of {@code orderId}. */
        private String unitCode;
        /** The account paid into ({@code accountPay}); required by the DONG_THAP variant. */
        private String accountPay;
        /** The return URL sent when an order carries none. */
        private URI returnUrl;
        /** The LGSP's status query, a path under url or an absolute URL, when it has one (PayGov publishes none). */
        private String queryUrl;
        /**
         * Verify result callbacks with the SDK's inferred checksum (SHA-256 of the secret key and every other field
         * in body order), when no PayGovResultVerifier bean is defined; PayGov's own scheme is not public.
         */
        private boolean inferredResultVerifier;

        /** Creates the settings; callbacks at {@code /egov/payment/paygov/callback} by default. */
        public PayGov() {
            super("/egov/payment/paygov/callback");
        }

        /**
         * The variant.
         *
         * @return the variant, never {@code null} once validated
         */
        public PayGovVariant getVariant() {
            return variant;
        }

        /**
         * Sets the variant.
         *
         * @param variant the variant
         */
        public void setVariant(PayGovVariant variant) {
            this.variant = variant;
        }

        /**
         * The partner code.
         *
         * @return the code, or {@code null}
         */
        public String getPartnerCode() {
            return partnerCode;
        }

        /**
         * Sets the partner code.
         *
         * @param partnerCode the code
         */
        public void setPartnerCode(String partnerCode) {
            this.partnerCode = partnerCode;
        }

        /**
         * The access key.
         *
         * @return the key, or {@code null}
         */
        public String getAccessKey() {
            return accessKey;
        }

        /**
         * Sets the access key.
         *
         * @param accessKey the key
         */
        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        /**
         * The secret key.
         *
         * @return the secret, or {@code null}
         */
        public Secret getSecretKey() {
            return secretKey;
        }

        /**
         * Sets the secret key (bound from text).
         *
         * @param secretKey the secret
         */
        public void setSecretKey(Secret secretKey) {
            this.secretKey = secretKey;
        }

        /**
         * The service code.
         *
         * @return the code, or {@code null}
         */
        public String getServiceCode() {
            return serviceCode;
        }

        /**
         * Sets the service code.
         *
         * @param serviceCode the code
         */
        public void setServiceCode(String serviceCode) {
            this.serviceCode = serviceCode;
        }

        /**
         * The agency's unit code.
         *
         * @return the code, or {@code null}
         */
        public String getUnitCode() {
            return unitCode;
        }

        /**
         * Sets the agency's unit code.
         *
         * @param unitCode the code
         */
        public void setUnitCode(String unitCode) {
            this.unitCode = unitCode;
        }

        /**
         * The account paid into.
         *
         * @return the account, or {@code null}
         */
        public String getAccountPay() {
            return accountPay;
        }

        /**
         * Sets the account paid into.
         *
         * @param accountPay the account
         */
        public void setAccountPay(String accountPay) {
            this.accountPay = accountPay;
        }

        /**
         * The default return URL.
         *
         * @return the URL, or {@code null}
         */
        public URI getReturnUrl() {
            return returnUrl;
        }

        /**
         * Sets the default return URL.
         *
         * @param returnUrl the URL
         */
        public void setReturnUrl(URI returnUrl) {
            this.returnUrl = returnUrl;
        }

        /**
         * The LGSP's status query URL.
         *
         * @return the URL, or {@code null}
         */
        public String getQueryUrl() {
            return queryUrl;
        }

        /**
         * Sets the LGSP's status query URL.
         *
         * @param queryUrl the URL
         */
        public void setQueryUrl(String queryUrl) {
            this.queryUrl = queryUrl;
        }

        /**
         * Whether callbacks are verified with the SDK's inferred checksum.
         *
         * @return {@code true} when chosen
         */
        public boolean isInferredResultVerifier() {
            return inferredResultVerifier;
        }

        /**
         * Chooses the SDK's inferred result checksum.
         *
         * @param inferredResultVerifier {@code true} to use it
         */
        public void setInferredResultVerifier(boolean inferredResultVerifier) {
            this.inferredResultVerifier = inferredResultVerifier;
        }

        @Override
        public String toString() {
            return "PayGov[" + common() + ", variant=" + variant + ", partnerCode=" + partnerCode + ", accessKey="
                    + accessKey + ", secretKey=" + mask(secretKey) + ", serviceCode=" + serviceCode + ", unitCode="
                    + unitCode + ", inferredResultVerifier=" + inferredResultVerifier + "]";
        }
    }

    /** Keypay DVCQG (JSON, version 3.0). */
    public static class Keypay extends Gateway {
        /** This merchant's {@code client_id}. */
        private String clientId;
        /** hash_key_1, which signs requests; bind it from the environment (EGOV_PAYMENT_KEYPAY_HASH_KEY1). */
        private Secret hashKey1;
        /** hash_key_2, which verifies callbacks; bind it from the environment (EGOV_PAYMENT_KEYPAY_HASH_KEY2). */
        private Secret hashKey2;

        /** Creates the settings; callbacks at {@code /egov/payment/keypay/callback} by default. */
        public Keypay() {
            super("/egov/payment/keypay/callback");
        }

        /**
         * The {@code client_id}.
         *
         * @return the id, or {@code null}
         */
        public String getClientId() {
            return clientId;
        }

        /**
         * Sets the {@code client_id}.
         *
         * @param clientId the id
         */
        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        /**
         * hash_key_1.
         *
         * @return the key, or {@code null}
         */
        public Secret getHashKey1() {
            return hashKey1;
        }

        /**
         * Sets hash_key_1 (bound from text).
         *
         * @param hashKey1 the key
         */
        public void setHashKey1(Secret hashKey1) {
            this.hashKey1 = hashKey1;
        }

        /**
         * hash_key_2.
         *
         * @return the key, or {@code null}
         */
        public Secret getHashKey2() {
            return hashKey2;
        }

        /**
         * Sets hash_key_2 (bound from text).
         *
         * @param hashKey2 the key
         */
        public void setHashKey2(Secret hashKey2) {
            this.hashKey2 = hashKey2;
        }

        @Override
        public String toString() {
            return "Keypay[" + common() + ", clientId=" + clientId + ", hashKey1=" + mask(hashKey1) + ", hashKey2="
                    + mask(hashKey2) + "]";
        }
    }

    /** The callback endpoint: whether it is served, and how old a callback may be. */
    public static class Callback {
        /** Whether the starter serves a callback endpoint for each configured system (needs Spring MVC). */
        private boolean enabled = true;
        /**
         * How long after its stated time (ThoiGianGD, payDate) a callback is accepted; older ones are refused as
         * replayed or late (the reconciler's status query finds those payments). Keypay's callbacks state no time.
         */
        private Duration maxAge = Duration.ofHours(24);
        /** How far ahead of this server's clock a callback's stated time may be (the other side's clock). */
        private Duration clockSkew = Duration.ofMinutes(5);

        /** Creates the settings with their defaults. */
        public Callback() {
            // bound by Spring Boot
        }

        /**
         * Whether the endpoints are served.
         *
         * @return {@code true} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the endpoints are served.
         *
         * @param enabled {@code false} to serve none
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The maximum age.
         *
         * @return the age
         */
        public Duration getMaxAge() {
            return maxAge;
        }

        /**
         * Sets the maximum age.
         *
         * @param maxAge positive
         */
        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        /**
         * The accepted clock skew.
         *
         * @return the skew
         */
        public Duration getClockSkew() {
            return clockSkew;
        }

        /**
         * Sets the accepted clock skew.
         *
         * @param clockSkew 0 or more
         */
        public void setClockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
        }

        @Override
        public String toString() {
            return "Callback[enabled=" + enabled + ", maxAge=" + maxAge + ", clockSkew=" + clockSkew + "]";
        }
    }

    /**
     * The reconciler: asks each system about payments still pending (callbacks that never came) and applies the
     * answers once, through the same listeners as the callbacks.
     */
    public static class Reconcile {
        /** Whether the reconciler runs with the application (one thread of its own, stopped with the context). */
        private boolean enabled;
        /** The delay between the end of one run and the start of the next. */
        private Duration interval = Duration.ofMinutes(33);
        /** Payments created longer ago than this are no longer asked about. */
        private Duration oldest = Duration.ofDays(3);
        /** Payments created more recently than this are left to their callback. */
        private Duration youngest = Duration.ofMinutes(30);

        /** Creates the settings with their defaults. */
        public Reconcile() {
            // bound by Spring Boot
        }

        /**
         * Whether the reconciler runs.
         *
         * @return {@code false} by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the reconciler runs.
         *
         * @param enabled {@code true} to run it
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The interval between runs.
         *
         * @return the interval
         */
        public Duration getInterval() {
            return interval;
        }

        /**
         * Sets the interval between runs.
         *
         * @param interval positive
         */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /**
         * The window's old end.
         *
         * @return the age
         */
        public Duration getOldest() {
            return oldest;
        }

        /**
         * Sets the window's old end.
         *
         * @param oldest longer than {@link #getYoungest()}
         */
        public void setOldest(Duration oldest) {
            this.oldest = oldest;
        }

        /**
         * The window's young end.
         *
         * @return the age
         */
        public Duration getYoungest() {
            return youngest;
        }

        /**
         * Sets the window's young end.
         *
         * @param youngest 0 or more
         */
        public void setYoungest(Duration youngest) {
            this.youngest = youngest;
        }

        @Override
        public String toString() {
            return "Reconcile[enabled=" + enabled + ", interval=" + interval + ", oldest=" + oldest + ", youngest="
                    + youngest + "]";
        }
    }
}
