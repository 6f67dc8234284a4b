package vn.egov.sdk.core.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.TokenEndpoint;

/**
 * The VNPT LGSP header convention: header {@code lgspaccesstoken} carrying the
 * Base64 of the JSON {@code {"AccessKey", "SecretKey", "AppName", "PartnerCode", "PartnerCodeCus"}} on every
 * call. When a token URL is set, the strategy also obtains a bearer token by a form POST
 * {@code grant_type=client_credentials} carrying that header, caches it (refreshed early, one refresh in
 * flight) and sends {@code Authorization: Bearer} beside it.
 */
public final class LgspAccessToken implements AuthStrategy {
    /** The header name, as the VNPT LGSP gateways spell it. */
    public static final String HEADER = "lgspaccesstoken";

    private final Secret headerValue;
    private final Optional<String> tokenUrl;
    private final TokenEndpoint tokens;

    private LgspAccessToken(Builder b) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("AccessKey", b.accessKey);
        json.put("SecretKey", b.secretKey.reveal());
        json.put("AppName", b.appName);
        json.put("PartnerCode", b.partnerCode);
        json.put("PartnerCodeCus", b.partnerCodeCus);
        this.headerValue = Secret.of(Base64.getEncoder()
                .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8)));
        this.tokenUrl = Optional.ofNullable(b.tokenUrl);
        this.tokens = new TokenEndpoint("the LGSP token endpoint " + b.tokenUrl, b.refreshBefore,
                Duration.ofMinutes(5));
    }

    /**
     * A new builder; {@code AccessKey} and {@code SecretKey} are required, the other fields default to empty text
     * and no token URL (header only).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ApiRequest authenticate(ApiRequest request, HttpRuntime transport) {
        ApiRequest.Builder b = request.toBuilder().setHeader(HEADER, headerValue.reveal());
        if (tokenUrl.isPresent()) {
            b.setHeader("Authorization", "Bearer " + tokens.token(transport, this::tokenRequest).reveal());
        }
        return b.build();
    }

    @Override
    public boolean onUnauthorized(ApiRequest rejected) {
        return tokens.invalidate(rejected);
    }

    private ApiRequest tokenRequest() {
        return ApiRequest.builder("POST", tokenUrl.orElseThrow()).idempotent(true)
                .header(HEADER, headerValue.reveal())
                .header("Accept", "application/json")
                .body(HttpBody.form(Map.of("grant_type", "client_credentials")))
                .build();
    }

    @Override
    public String toString() {
        return "LgspAccessToken[tokenUrl=" + tokenUrl.orElse("(none)") + ", header=" + headerValue + "]";
    }

    /** Builder of {@link LgspAccessToken}. */
    public static final class Builder {
        private String accessKey;
        private Secret secretKey;
        private String appName = "";
        private String partnerCode = "";
        private String partnerCodeCus = "";
        private String tokenUrl;
        private Duration refreshBefore = Duration.ofMinutes(5);

        private Builder() {
        }

        /**
         * Sets {@code AccessKey}, the key the LGSP operator issued to the calling system. Required.
         *
         * @param value the access key, non-blank (checked by {@link #build()})
         * @return this builder
         */
        public Builder accessKey(String value) {
            this.accessKey = value;
            return this;
        }

        /**
         * Sets {@code SecretKey}, issued with the access key. It travels inside the header value and never
         * appears in {@code toString()} or logs. Required.
         *
         * @param value the secret key, non-null (checked by {@link #build()})
         * @return this builder
         */
        public Builder secretKey(Secret value) {
            this.secretKey = value;
            return this;
        }

        /**
         * Sets {@code AppName}, the calling application's name as registered with the operator.
         *
         * @param value the name; the default is empty text
         * @return this builder
         * @throws ValidationException if the value is null
         */
        public Builder appName(String value) {
            this.appName = ValidationException.requireNonNull(value, "LgspAccessToken.appName");
            return this;
        }

        /**
         * Sets {@code PartnerCode}, the calling organisation's partner code.
         *
         * @param value the code; the default is empty text
         * @return this builder
         * @throws ValidationException if the value is null
         */
        public Builder partnerCode(String value) {
            this.partnerCode = ValidationException.requireNonNull(value, "LgspAccessToken.partnerCode");
            return this;
        }

        /**
         * Sets {@code PartnerCodeCus}, the customer partner code some gateways also ask for.
         *
         * @param value the code; the default is empty text
         * @return this builder
         * @throws ValidationException if the value is null
         */
        public Builder partnerCodeCus(String value) {
            this.partnerCodeCus = ValidationException.requireNonNull(value, "LgspAccessToken.partnerCodeCus");
            return this;
        }

        /**
         * Sets the token endpoint; when set, a bearer token is obtained from it and sent beside the header.
         *
         * @param value an absolute http(s) URL (checked by {@link #build()}), or null for the header alone (the
         *              default)
         * @return this builder
         */
        public Builder tokenUrl(String value) {
            this.tokenUrl = value;
            return this;
        }

        /**
         * Sets how long before its expiry the cached bearer token is replaced; unused without a token URL.
         *
         * @param value the margin; the default is 5 minutes
         * @return this builder
         * @throws ValidationException if the value is null
         */
        public Builder refreshBefore(Duration value) {
            this.refreshBefore = ValidationException.requireNonNull(value, "LgspAccessToken.refreshBefore");
            return this;
        }

        /**
         * Builds the strategy; no request is made until the first call.
         *
         * @return the strategy, immutable and safe to share between clients and threads
         * @throws ValidationException naming every problem at once: a missing or blank access key, a missing
         *         secret key, a token URL that is not absolute http(s)
         */
        public LgspAccessToken build() {
            List<FieldError> errors = new ArrayList<>();
            if (accessKey == null || accessKey.isBlank()) {
                errors.add(new FieldError("lgsp.accessKey", "LgspAccessToken.AccessKey", "AccessKey is required"));
            }
            if (secretKey == null) {
                errors.add(new FieldError("lgsp.secretKey", "LgspAccessToken.SecretKey", "SecretKey is required"));
            }
            if (tokenUrl != null && !tokenUrl.matches("(?i)https?://.+")) {
                errors.add(new FieldError("lgsp.tokenUrl", "LgspAccessToken.tokenUrl",
                        "tokenUrl must be an absolute http(s) URL"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new LgspAccessToken(this);
        }
    }
}
