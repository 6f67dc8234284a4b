package vn.egov.sdk.spring.payment.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.validation.Errors;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.payment.paygov.PayGovVariant;
import vn.egov.sdk.spring.payment.EgovPaymentProperties;

/** The rules of {@link EgovPaymentProperties}, each error naming the full property and the rule. */
public final class EgovPaymentPropertiesRules {
    private static final String PREFIX = "egov.payment.";

    private EgovPaymentPropertiesRules() {
    }

    /**
     * Checks the properties.
     *
     * @param p the bound properties
     * @param errors where broken rules go (field paths relative to {@code egov.payment})
     */
    public static void check(EgovPaymentProperties p, Errors errors) {
        EgovPaymentProperties.Dvcqg dvcqg = p.getDvcqg();
        gateway(errors, "dvcqg", dvcqg);
        if (dvcqg.getUrl() != null) {
            text(errors, "dvcqg", "merchantCode", "merchant-code", dvcqg.getMerchantCode());
            secret(errors, "dvcqg", "hashKey", "hash-key", dvcqg.getHashKey());
        }
        EgovPaymentProperties.PayGov paygov = p.getPaygov();
        gateway(errors, "paygov", paygov);
        if (paygov.getUrl() != null) {
            text(errors, "paygov", "partnerCode", "partner-code", paygov.getPartnerCode());
            secret(errors, "paygov", "secretKey", "secret-key", paygov.getSecretKey());
            text(errors, "paygov", "unitCode", "unit-code", paygov.getUnitCode());
            if (paygov.getVariant() == null) {
                reject(errors, "paygov.variant", "required", "egov.payment.paygov.variant is required (STANDARD or "
                        + "DONG_THAP)");
            } else if (paygov.getVariant() == PayGovVariant.STANDARD) {
                text(errors, "paygov", "accessKey", "access-key", paygov.getAccessKey(), "variant=STANDARD");
                text(errors, "paygov", "serviceCode", "service-code", paygov.getServiceCode(), "variant=STANDARD");
            } else {
                text(errors, "paygov", "accountPay", "account-pay", paygov.getAccountPay(), "variant=DONG_THAP");
            }
        }
        EgovPaymentProperties.Keypay keypay = p.getKeypay();
        gateway(errors, "keypay", keypay);
        if (keypay.getUrl() != null) {
            text(errors, "keypay", "clientId", "client-id", keypay.getClientId());
            secret(errors, "keypay", "hashKey1", "hash-key1", keypay.getHashKey1());
            secret(errors, "keypay", "hashKey2", "hash-key2", keypay.getHashKey2());
        }
        distinctPaths(errors, p);
        EgovPaymentProperties.Callback callback = p.getCallback();
        if (callback.getMaxAge() == null || callback.getMaxAge().isZero() || callback.getMaxAge().isNegative()) {
            reject(errors, "callback.maxAge", "positive",
                    "egov.payment.callback.max-age must be positive (got " + callback.getMaxAge() + ")");
        }
        if (callback.getClockSkew() == null || callback.getClockSkew().isNegative()) {
            reject(errors, "callback.clockSkew", "range",
                    "egov.payment.callback.clock-skew must be 0 or more (got " + callback.getClockSkew() + ")");
        }
        EgovPaymentProperties.Reconcile reconcile = p.getReconcile();
        Duration interval = reconcile.getInterval();
        if (interval == null || interval.isZero() || interval.isNegative()) {
            reject(errors, "reconcile.interval", "positive",
                    "egov.payment.reconcile.interval must be positive (got " + reconcile.getInterval() + ")");
        }
        if (reconcile.getYoungest() == null || reconcile.getYoungest().isNegative()) {
            reject(errors, "reconcile.youngest", "range",
                    "egov.payment.reconcile.youngest must be 0 or more (got " + reconcile.getYoungest() + ")");
        } else if (reconcile.getOldest() == null || reconcile.getOldest().compareTo(reconcile.getYoungest()) <= 0) {
            reject(errors, "reconcile.oldest", "order", "egov.payment.reconcile.oldest must be longer than "
                    + "egov.payment.reconcile.youngest (got " + reconcile.getOldest() + " and "
                    + reconcile.getYoungest() + ")");
        }
    }

    private static void gateway(Errors errors, String name, EgovPaymentProperties.Gateway g) {
        if (g.getUrl() != null && !isHttpUrl(g.getUrl())) {
            reject(errors, name + ".url", "url", PREFIX + name + ".url must be an absolute http or https URL (got '"
                    + g.getUrl() + "')");
        }
        positive(errors, name + ".connectTimeout", PREFIX + name + ".connect-timeout", g.getConnectTimeout());
        positive(errors, name + ".readTimeout", PREFIX + name + ".read-timeout", g.getReadTimeout());
        positive(errors, name + ".deadline", PREFIX + name + ".deadline", g.getDeadline());
        if (g.getMaxAmount() != null && g.getMaxAmount() <= 0) {
            reject(errors, name + ".maxAmount", "positive", PREFIX + name + ".max-amount must be above 0 VND (got "
                    + g.getMaxAmount() + ")");
        }
        String path = g.getCallbackPath();
        if (path == null || !path.startsWith("/") || path.contains("*") || path.contains("{")) {
            reject(errors, name + ".callbackPath", "path", PREFIX + name + ".callback-path must be a plain path "
                    + "starting with / (got '" + path + "')");
        }
    }

    private static void distinctPaths(Errors errors, EgovPaymentProperties p) {
        Map<String, String> seen = new HashMap<>();
        Map<String, EgovPaymentProperties.Gateway> gateways = new java.util.LinkedHashMap<>();
        gateways.put("dvcqg", p.getDvcqg());
        gateways.put("paygov", p.getPaygov());
        gateways.put("keypay", p.getKeypay());
        gateways.forEach((name, g) -> {
            if (g.getUrl() != null && g.getCallbackPath() != null) {
                String other = seen.putIfAbsent(g.getCallbackPath(), name);
                if (other != null) {
                    reject(errors, name + ".callbackPath", "distinct", PREFIX + name + ".callback-path must differ "
                            + "from " + PREFIX + other + ".callback-path (both '" + g.getCallbackPath() + "')");
                }
            }
        });
    }

    private static void text(Errors errors, String gateway, String field, String property, String value) {
        text(errors, gateway, field, property, value, "url is set");
    }

    private static void text(Errors errors, String gateway, String field, String property, String value,
            String when) {
        if (value == null || value.isBlank()) {
            reject(errors, gateway + "." + field, "required", PREFIX + gateway + "." + property + " is required when "
                    + PREFIX + gateway + "." + when);
        }
    }

    private static void secret(Errors errors, String gateway, String field, String property, Secret value) {
        if (value == null || value.reveal().isEmpty()) {
            String variable = (PREFIX + gateway + "." + property).replace('.', '_').replace('-', '_')
                    .toUpperCase(java.util.Locale.ROOT);
            reject(errors, gateway + "." + field, "required", PREFIX + gateway + "." + property
                    + " is required when " + PREFIX + gateway + ".url is set (bind it from " + variable + ")");
        }
    }

    private static void positive(Errors errors, String field, String property, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            reject(errors, field, "positive", property + " must be positive (got " + value + ")");
        }
    }

    private static void reject(Errors errors, String field, String code, String message) {
        errors.rejectValue(field, "egov." + code, message);
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
