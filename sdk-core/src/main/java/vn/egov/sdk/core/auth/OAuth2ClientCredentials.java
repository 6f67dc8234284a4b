package vn.egov.sdk.core.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.internal.TokenEndpoint;

/**
 * OAuth2 client credentials grant (RFC 6749 §4.4), as WSO2-based LGSP / NGSP gateways use it
 * (WSO2 API Manager's token endpoint): {@code POST tokenUrl} with {@code grant_type=client_credentials}, the client
 * authenticated by HTTP Basic ({@link ClientAuthMethod#CLIENT_SECRET_BASIC}, the default) or by form fields
 * ({@link ClientAuthMethod#CLIENT_SECRET_POST}); then {@code Authorization: Bearer <token>} on every call.
 *
 * <p>The token is cached and refreshed before it expires ({@link Builder#refreshBefore(Duration)}, 5 minutes by
 * default, as OpenCPS does; at most half the token's lifetime), with a single refresh in flight however many
 * threads call. A 401 from the platform drops the cached token and the runtime repeats the call once.
 *
 * <pre>{@code
 * OAuth2ClientCredentials auth = OAuth2ClientCredentials.builder()
 *         .tokenUrl("https://lgsp.example.gov.vn/token")
 *         .clientId("my-consumer-key")
 *         .clientSecret(Secret.of(System.getenv("LGSP_SECRET")))
 *         .build();
 * HttpRuntime runtime = HttpRuntime.builder().auth(auth).build();
 * }</pre>
 */
public final class OAuth2ClientCredentials implements AuthStrategy {
    /** How the client authenticates itself to the token endpoint. */
    public enum ClientAuthMethod {
        /** {@code Authorization: Basic base64(client_id:client_secret)}. */
        CLIENT_SECRET_BASIC,
        /** {@code client_id} and {@code client_secret} as form fields. */
        CLIENT_SECRET_POST
    }

    private final String tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final ClientAuthMethod method;
    private final Optional<String> scope;
    private final TokenEndpoint tokens;

    private OAuth2ClientCredentials(Builder b) {
        this.tokenUrl = b.tokenUrl;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.method = b.method;
        this.scope = Optional.ofNullable(b.scope);
        this.tokens = new TokenEndpoint("the token endpoint " + b.tokenUrl, b.refreshBefore, b.defaultLifetime);
    }

    /**
     * A new builder; token URL, client id and client secret are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ApiRequest authenticate(ApiRequest request, HttpRuntime transport) {
        Secret token = tokens.token(transport, this::tokenRequest);
        return request.toBuilder().setHeader("Authorization", "Bearer " + token.reveal()).build();
    }

    @Override
    public boolean onUnauthorized(ApiRequest rejected) {
        return tokens.invalidate(rejected);
    }

    private ApiRequest tokenRequest() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        scope.ifPresent(s -> form.put("scope", s));
        ApiRequest.Builder req = ApiRequest.builder("POST", tokenUrl).idempotent(true)
                .header("Accept", "application/json");
        if (method == ClientAuthMethod.CLIENT_SECRET_BASIC) {
            String pair = urlEncode(clientId) + ":" + urlEncode(clientSecret.reveal());
            req.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret.reveal());
        }
        return req.body(HttpBody.form(form)).build();
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OAuth2ClientCredentials[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", method=" + method
                + ", clientSecret=" + clientSecret + "]";
    }

    /** Builder of {@link OAuth2ClientCredentials}. */
    public static final class Builder {
        private String tokenUrl;
        private String clientId;
        private Secret clientSecret;
        private ClientAuthMethod method = ClientAuthMethod.CLIENT_SECRET_BASIC;
        private String scope;
        private Duration refreshBefore = Duration.ofMinutes(5);
        private Duration defaultLifetime = Duration.ofMinutes(5);

        private Builder() {
        }

        /**
         * Sets the token endpoint, for a WSO2 gateway usually {@code https://host/token}. Required.
         *
         * @param value an absolute http(s) URL (checked by {@link #build()})
         * @return this builder
         */
        public Builder tokenUrl(String value) {
            this.tokenUrl = value;
            return this;
        }

        /**
         * Sets the client id (WSO2's consumer key). Required.
         *
         * @param value the client id, non-blank (checked by {@link #build()})
         * @return this builder
         */
        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        /**
         * Sets the client secret (WSO2's consumer secret); it is never logged or shown by {@code toString()}.
         * Required.
         *
         * @param value the secret, non-null (checked by {@link #build()})
         * @return this builder
         */
        public Builder clientSecret(Secret value) {
            this.clientSecret = value;
            return this;
        }

        /**
         * Sets how the client authenticates at the token endpoint. With Basic, id and secret are form-URL-encoded
         * before they are joined, as RFC 6749 §2.3.1 asks.
         *
         * @param value the method; the default is {@link ClientAuthMethod#CLIENT_SECRET_BASIC}
         * @return this builder
         * @throws ValidationException if the value is null
         */
        public Builder clientAuthMethod(ClientAuthMethod value) {
            this.method = ValidationException.requireNonNull(value, "OAuth2ClientCredentials.clientAuthMethod");
            return this;
        }

        /**
         * Sets the scope sent as the form field {@code scope}, if the gateway wants one.
         *
         * @param value space-separated scopes, or null to send none (the default)
         * @return this builder
         */
        public Builder scope(String value) {
            this.scope = value;
            return this;
        }

        /**
         * Sets how long before its expiry the cached token is replaced; a margin longer than half the token's
         * lifetime is cut to half.
         *
         * @param value the margin; the default is 5 minutes
         * @return this builder
         * @throws ValidationException if the value is null
         */
        public Builder refreshBefore(Duration value) {
            this.refreshBefore = ValidationException.requireNonNull(value, "OAuth2ClientCredentials.refreshBefore");
            return this;
        }

        /**
         * Sets the lifetime assumed when the token endpoint's answer has no {@code expires_in}.
         *
         * @param value the lifetime; the default is 5 minutes
         * @return this builder
         * @throws ValidationException if the value is null
         */
        public Builder defaultLifetime(Duration value) {
            this.defaultLifetime = ValidationException.requireNonNull(value, "OAuth2ClientCredentials.defaultLifetime");
            return this;
        }

        /**
         * Builds the strategy; no token is requested until the first call.
         *
         * @return the strategy, safe to share between threads (they share one cached token)
         * @throws ValidationException naming every missing setting
         */
        public OAuth2ClientCredentials build() {
            List<FieldError> errors = new ArrayList<>();
            if (tokenUrl == null || !tokenUrl.matches("(?i)https?://.+")) {
                errors.add(new FieldError("oauth2.tokenUrl", "OAuth2ClientCredentials.tokenUrl",
                        "tokenUrl must be an absolute http(s) URL"));
            }
            if (clientId == null || clientId.isBlank()) {
                errors.add(new FieldError("oauth2.clientId", "OAuth2ClientCredentials.clientId",
                        "clientId is required"));
            }
            if (clientSecret == null) {
                errors.add(new FieldError("oauth2.clientSecret",
                        "OAuth2ClientCredentials.clientSecret", "clientSecret is required"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new OAuth2ClientCredentials(this);
        }
    }
}
