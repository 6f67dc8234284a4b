package vn.egov.sdk.signing.remote;

import vn.egov.sdk.core.ValidationException;

/**
 * The paths of SmartCA's "sp769" API under the base URL, and the method of the status request. The defaults are those
 * public integrations use; the status method is not confirmed (GET assumed), so each can be changed.
 * Immutable.
 *
 * @param getCertificate {@code POST} the signer's certificates
 * @param signV1 {@code POST} a signing request confirmed in the SmartCA app
 * @param statusV1 the status of a transaction; {@code {transaction_id}} is replaced by the id
 * @param statusMethod {@code GET} or {@code POST} (POST sends the service provider's credentials in a body)
 * @param signV2 {@code POST} a "Tích hợp" signing request with password and OTP, answered with a {@code sad}
 * @param confirmV2 {@code POST} the confirmation with the {@code sad}, answered with the signatures
 */
public record SmartCaPaths(String getCertificate, String signV1, String statusV1, String statusMethod, String signV2,
                           String confirmV2) {
    /** The placeholder of the transaction id in {@link #statusV1()}. */
    public static final String TRANSACTION_ID = "{transaction_id}";

    /**
     * Checks every path.
     *
     * @param getCertificate the path listing the signer's certificates, starting with {@code /}
     * @param signV1 the path of a signing request confirmed in the app
     * @param statusV1 the status path, holding {@code {transaction_id}}
     * @param statusMethod {@code GET} or {@code POST}
     * @param signV2 the path of a "Tích hợp" signing request
     * @param confirmV2 the path confirming a "Tích hợp" request with its {@code sad}
     */
    public SmartCaPaths {
        path(getCertificate, "getCertificate");
        path(signV1, "signV1");
        path(statusV1, "statusV1");
        path(signV2, "signV2");
        path(confirmV2, "confirmV2");
        if (!statusV1.contains(TRANSACTION_ID)) {
            throw ValidationException.of("smartca.paths.statusV1", "SmartCaPaths.statusV1",
                    "statusV1 must contain " + TRANSACTION_ID);
        }
        if (!"GET".equals(statusMethod) && !"POST".equals(statusMethod)) {
            throw ValidationException.of("smartca.paths.statusMethod", "SmartCaPaths.statusMethod",
                    "statusMethod must be GET or POST");
        }
    }

    /**
     * The default paths.
     *
     * @return the {@code /sca/sp769/...} paths public integrations use, with a {@code GET} status request
     */
    public static SmartCaPaths defaults() {
        return new SmartCaPaths("/sca/sp769/v1/credentials/get_certificate", "/sca/sp769/v1/signatures/sign",
                "/sca/sp769/v1/signatures/sign/" + TRANSACTION_ID + "/status", "GET",
                "/sca/sp769/v2/signatures/sign", "/sca/sp769/v2/signatures/confirm");
    }

    /**
     * A copy with another status method ({@code GET} or {@code POST}).
     *
     * @param method {@code GET} or {@code POST}
     * @return paths equal to these but for the status method
     */
    public SmartCaPaths withStatusMethod(String method) {
        return new SmartCaPaths(getCertificate, signV1, statusV1, method, signV2, confirmV2);
    }

    private static void path(String p, String name) {
        if (p == null || !p.startsWith("/") || p.length() > 200 || p.contains("..") || p.contains("?")) {
            throw ValidationException.of("smartca.paths." + name, "SmartCaPaths." + name,
                    name + " must be an absolute path without query");
        }
    }
}
