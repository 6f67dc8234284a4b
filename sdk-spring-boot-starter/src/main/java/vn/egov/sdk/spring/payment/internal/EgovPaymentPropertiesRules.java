package vn.egov.sdk.spring.payment.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.Errors;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.payment.paygov.PayGovVariant;
import vn.egov.sdk.spring.internal.PropertyRules;
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
        PropertyRules rules = PropertyRules.of(errors, PREFIX);
        EgovPaymentProperties.Dvcqg dvcqg = p.getDvcqg();
        gateway(rules, "dvcqg", dvcqg);
        if (dvcqg.getUrl() != null) {
            text(rules, "dvcqg.merchantCode", dvcqg.getMerchantCode());
            secret(rules, "dvcqg.hashKey", dvcqg.getHashKey());
        }
        EgovPaymentProperties.PayGov paygov = p.getPaygov();
        gateway(rules, "paygov", paygov);
        if (paygov.getUrl() != null) {
            text(rules, "paygov.partnerCode", paygov.getPartnerCode());
            secret(rules, "paygov.secretKey", paygov.getSecretKey());
            text(rules, "paygov.unitCode", paygov.getUnitCode());
            if (paygov.getVariant() == null) {
                rules.reject("paygov.variant", "required", "egov.payment.paygov.variant is required (STANDARD or "
                        + "DONG_THAP)");
            } else if (paygov.getVariant() == PayGovVariant.STANDARD) {
                text(rules, "paygov.accessKey", paygov.getAccessKey(), "variant=STANDARD");
                text(rules, "paygov.serviceCode", paygov.getServiceCode(), "variant=STANDARD");
            } else {
                text(rules, "paygov.accountPay", paygov.getAccountPay(), "variant=DONG_THAP");
            }
        }
        EgovPaymentProperties.Keypay keypay = p.getKeypay();
        gateway(rules, "keypay", keypay);
        if (keypay.getUrl() != null) {
            text(rules, "keypay.clientId", keypay.getClientId());
            secret(rules, "keypay.hashKey1", keypay.getHashKey1());
            secret(rules, "keypay.hashKey2", keypay.getHashKey2());
        }
        distinctPaths(rules, p);
        EgovPaymentProperties.Callback callback = p.getCallback();
        rules.requiredPositive("callback.maxAge", callback.getMaxAge());
        rules.notNegative("callback.clockSkew", callback.getClockSkew());
        EgovPaymentProperties.Reconcile reconcile = p.getReconcile();
        rules.requiredPositive("reconcile.interval", reconcile.getInterval());
        if (reconcile.getYoungest() == null || reconcile.getYoungest().isNegative()) {
            rules.notNegative("reconcile.youngest", reconcile.getYoungest());
        } else if (reconcile.getOldest() == null || reconcile.getOldest().compareTo(reconcile.getYoungest()) <= 0) {
            rules.reject("reconcile.oldest", "order", "egov.payment.reconcile.oldest must be longer than "
                    + "egov.payment.reconcile.youngest (got " + reconcile.getOldest() + " and "
                    + reconcile.getYoungest() + ")");
        }
    }

    private static void gateway(PropertyRules rules, String name, EgovPaymentProperties.Gateway g) {
        rules.client(name, g);
        if (g.getMaxAmount() != null && g.getMaxAmount() <= 0) {
            rules.reject(name + ".maxAmount", "positive", PREFIX + name + ".max-amount must be above 0 VND (got "
                    + g.getMaxAmount() + ")");
        }
        String path = g.getCallbackPath();
        if (path == null || !path.startsWith("/") || path.contains("*") || path.contains("{")) {
            rules.reject(name + ".callbackPath", "path", PREFIX + name + ".callback-path must be a plain path "
                    + "starting with / (got '" + path + "')");
        }
    }

    private static void distinctPaths(PropertyRules rules, EgovPaymentProperties p) {
        Map<String, String> seen = new HashMap<>();
        Map<String, EgovPaymentProperties.Gateway> gateways = new LinkedHashMap<>();
        gateways.put("dvcqg", p.getDvcqg());
        gateways.put("paygov", p.getPaygov());
        gateways.put("keypay", p.getKeypay());
        gateways.forEach((name, g) -> {
            if (g.getUrl() != null && g.getCallbackPath() != null) {
                String other = seen.putIfAbsent(g.getCallbackPath(), name);
                if (other != null) {
                    rules.reject(name + ".callbackPath", "distinct", PREFIX + name + ".callback-path must differ "
                            + "from " + PREFIX + other + ".callback-path (both '" + g.getCallbackPath() + "')");
                }
            }
        });
    }

    private static String gatewayOf(String field) {
        return field.substring(0, field.indexOf('.'));
    }

    private static void text(PropertyRules rules, String field, String value) {
        rules.requiredWhen(field, value, PREFIX + gatewayOf(field) + ".url");
    }

    private static void text(PropertyRules rules, String field, String value, String when) {
        if (value == null || value.isBlank()) {
            rules.reject(field, "required", rules.property(field) + " is required when " + PREFIX
                    + gatewayOf(field) + "." + when);
        }
    }

    private static void secret(PropertyRules rules, String field, Secret value) {
        rules.requiredWhen(field, value, PREFIX + gatewayOf(field) + ".url",
                PropertyRules.variable(rules.property(field)));
    }
}
