package vn.egov.sdk.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The client credentials a token request carries, read from HTTP Basic ({@code client_secret_basic}) or from
 * the form ({@code client_secret_post}).
 *
 * @param clientId the presented client id
 * @param clientSecret the presented client secret
 * @param viaBasic whether they came in an {@code Authorization: Basic} header
 */
public record PresentedClient(String clientId, String clientSecret, boolean viaBasic) {

    /**
     * Reads the credentials, preferring the {@code Authorization: Basic} header (whose id and secret are each
     * form-encoded before joining, as RFC 6749 §2.3.1 says) over the form fields.
     *
     * @param request the token request
     * @param form its parsed form body
     * @return the credentials, or empty when none (or a malformed Basic header) were sent
     */
    public static Optional<PresentedClient> from(SimRequest request, Map<String, List<String>> form) {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent()) {
            String value = authorization.get().trim();
            if (value.toLowerCase(Locale.ROOT).startsWith("basic ")) {
                return fromBasic(value.substring(6).trim());
            }
        }
        String id = first(form, "client_id");
        String secret = first(form, "client_secret");
        return id == null || secret == null ? Optional.empty() : Optional.of(new PresentedClient(id, secret, false));
    }

    private static Optional<PresentedClient> fromBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PresentedClient(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8), true));
        } catch (IllegalArgumentException e) { // a malformed %-escape: not credentials
            return Optional.empty();
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "PresentedClient[" + clientId + (viaBasic ? ", basic" : ", post") + ']';
    }
}
