package vn.egov.sdk.identity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.Redactor;
import vn.egov.sdk.identity.OidcDiscoveryException;
import vn.egov.sdk.identity.OidcDiscoveryException.Reason;
import vn.egov.sdk.identity.OidcProvider;

/** Fetches and checks an OpenID Provider's metadata document. */
public final class ProviderDiscovery {
    /** The largest discovery document read: 64 KiB. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final String WELL_KNOWN = "/.well-known/openid-configuration";
    private static final ClientSettings DEFAULTS = ClientSettings.builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5))
            .writeTimeout(Duration.ofSeconds(5))
            .deadline(Duration.ofSeconds(15))
            .retryPolicy(RetryPolicy.defaults())
            .build();

    private ProviderDiscovery() {
    }

    /**
     * Fetches {@code issuer + /.well-known/openid-configuration} and builds the provider.
     *
     * @param issuer the issuer asked for
     * @param settings the HTTP settings
     * @return the provider
     */
    public static OidcProvider discover(String issuer, ClientSettings settings) {
        String url = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + WELL_KNOWN;
        ClientSettings http = settings.orElse(DEFAULTS).toBuilder().maxResponseBytes((long) MAX_BYTES).build();
        ApiResponse response;
        try (HttpRuntime runtime = HttpRuntime.builder().settings(http).build()) {
            response = runtime.execute(ApiRequest.builder("GET", url).header("Accept", "application/json").build());
        } catch (PlatformException e) {
            if (e.getMessage() != null && e.getMessage().contains("exceeds the limit")) {
                throw new OidcDiscoveryException(Reason.TOO_LARGE, "the discovery document at " + url
                        + " is larger than " + MAX_BYTES + " bytes");
            }
            throw e;
        }
        return parse(issuer, url, response.body());
    }

    /**
     * Checks a discovery document and builds the provider.
     *
     * @param issuer the issuer asked for
     * @param url where the document came from (for messages)
     * @param body the document
     * @return the provider
     */
    public static OidcProvider parse(String issuer, String url, byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new OidcDiscoveryException(Reason.TOO_LARGE, "the discovery document at " + url + " is larger than "
                    + MAX_BYTES + " bytes");
        }
        JsonNode doc = Json.tryParseObject(new java.io.ByteArrayInputStream(body)).orElseThrow(
                () -> new OidcDiscoveryException(Reason.MALFORMED, "the discovery document at " + url
                        + " is not a JSON object"));
        String found = text(doc, "issuer", url);
        if (found == null) {
            throw new OidcDiscoveryException(Reason.ISSUER_MISMATCH, "the discovery document at " + url
                    + " names no issuer; expected '" + issuer + "'");
        }
        if (!found.equals(issuer)) {
            throw new OidcDiscoveryException(Reason.ISSUER_MISMATCH, "the discovery document at " + url
                    + " names the issuer '" + Redactor.printable(found, 200) + "', not the issuer asked for '"
                    + issuer + "'; refusing it (a mix-up or an impostor)");
        }
        try {
            return OidcProvider.builder().issuer(found)
                    .authorizationEndpoint(text(doc, "authorization_endpoint", url))
                    .tokenEndpoint(text(doc, "token_endpoint", url))
                    .userInfoEndpoint(text(doc, "userinfo_endpoint", url))
                    .jwksUri(text(doc, "jwks_uri", url))
                    .introspectionEndpoint(text(doc, "introspection_endpoint", url))
                    .validateTokenEndpoint(text(doc, "validatetoken_endpoint", url))
                    .endSessionEndpoint(text(doc, "end_session_endpoint", url))
                    .build();
        } catch (ValidationException e) {
            throw new OidcDiscoveryException(Reason.BAD_ENDPOINT, "the discovery document at " + url
                    + " is unusable: " + describe(e.errors()));
        }
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder s = new StringBuilder();
        for (FieldError e : errors) {
            s.append(s.length() == 0 ? "" : "; ").append(e.path()).append(' ').append(e.code());
        }
        return s.toString();
    }

    private static String text(JsonNode doc, String field, String url) {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new OidcDiscoveryException(Reason.MALFORMED, "the discovery document at " + url + " has a "
                    + field + " that is not a string");
        }
        return v.asText();
    }
}
