package vn.egov.sdk.payment.dvcqg;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import vn.egov.sdk.core.ValidationException;

/**
 * Where the payer's browser comes back to the merchant's page: {@code data=<MaThamChieu>&responseCode=<MaLoi>
 * &secureCode=…}. <strong>For display only</strong>: the algorithm of {@code secureCode} is not public, so nothing
 * here is verified and nothing here changes a payment's state. Show the payer a "we are checking your payment"
 * page, and let the verified server callback or a {@code query} decide.
 *
 * @param reference {@code data}: the merchant reference
 * @param responseCode {@code responseCode}, as received ({@code 00} claims success), empty when absent
 * @param secureCode {@code secureCode}, as received, unverified, empty when absent
 */
public record BrowserReturn(String reference, String responseCode, String secureCode) {

    /**
     * Validates the components.
     *
     * @param reference the merchant reference
     * @param responseCode the claimed result code
     * @param secureCode the unverified code
     */
    public BrowserReturn {
        ValidationException.requireText(reference, "BrowserReturn.data");
        ValidationException.requireNonNull(responseCode, "BrowserReturn.responseCode");
        ValidationException.requireNonNull(secureCode, "BrowserReturn.secureCode");
    }

    /**
     * Parses a query string (with or without its leading {@code ?}).
     *
     * @param query the raw query string
     * @return the values
     * @throws ValidationException when {@code data} is missing or the string is not a query string
     */
    public static BrowserReturn parse(String query) {
        ValidationException.requireNonNull(query, "BrowserReturn.query");
        String q = query.startsWith("?") ? query.substring(1) : query;
        String data = "";
        String code = "";
        String secure = "";
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value;
            try {
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("encoding", "BrowserReturn." + name,
                        "the value is not percent-encoded correctly");
            }
            switch (name) {
                case "data" -> data = value;
                case "responseCode" -> code = value;
                case "secureCode" -> secure = value;
                default -> {
                }
            }
        }
        return new BrowserReturn(data, code, secure);
    }

    /**
     * Whether the browser claims success ({@code responseCode 00}). A claim to show the payer, never proof.
     *
     * @return the claim
     */
    public boolean claimsSuccess() {
        return "00".equals(responseCode);
    }

    @Override
    public String toString() {
        return "BrowserReturn[reference=" + reference + ", responseCode=" + responseCode + ", display only]";
    }
}
