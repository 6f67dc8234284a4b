package vn.egov.sdk.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.FieldError;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpBody;
import vn.egov.sdk.core.http.HttpRuntime;
import vn.egov.sdk.core.internal.Json;
import vn.egov.sdk.core.internal.TokenCache;

/**
 * The account login of the provincial LGSP "Liên thông văn bản" REST v1:
 * {@code POST {baseUrl}/v1/auth/login?allow_anonymous=true} with the JSON body
 * {@code {username, password, applicationCode, otp:null, twoFactorProvider:null, typeObjs:[0,1]}}, answered by
 * {@code {code, message, data:{token, …}}}; then {@code Authorization: Bearer <token>} on every call.
 *
 * <p>The token is cached for {@link Builder#tokenLifetime(Duration)} (30 minutes by default, as the operator
 * documents it; a numeric {@code data.expiresIn} in seconds, if the server sends one, wins [INFERRED]) and
 * refreshed {@link Builder#refreshBefore(Duration)} before it runs out (5 minutes by default, at most half the
 * lifetime), with one login in flight however many threads call. A 401 from the platform drops the token and the
 * runtime logs in again and repeats the call once.
 *
 * <p>A login answered without a token (wrong password, unknown application) raises
 * {@link AuthenticationException}. The password is held as a {@link Secret} and never logged.
 */
public final class LgspLogin implements AuthStrategy {
    /** The login path under the base URL. */
    public static final String LOGIN_PATH = "/v1/auth/login?allow_anonymous=true";

    private final String loginUrl;
    private final String username;
    private final Secret password;
    private final String applicationCode;
    private final Duration tokenLifetime;
    private final Duration refreshBefore;
    private final AtomicReference<TokenCache> cache = new AtomicReference<>();

    private LgspLogin(Builder b) {
        this.loginUrl = stripSlash(b.baseUrl) + LOGIN_PATH;
        this.username = b.username;
        this.password = b.password;
        this.applicationCode = b.applicationCode;
        this.tokenLifetime = b.tokenLifetime;
        this.refreshBefore = b.refreshBefore;
    }

    /**
     * A new builder; base URL, user name, password and application code are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ApiRequest authenticate(ApiRequest request, HttpRuntime transport) {
        TokenCache c = cache.get();
        if (c == null) {
            cache.compareAndSet(null, new TokenCache(() -> login(transport), transport.clock(), refreshBefore));
            c = cache.get();
        }
        return request.toBuilder().setHeader("Authorization", "Bearer " + c.get().reveal()).build();
    }

    @Override
    public boolean onUnauthorized(ApiRequest rejected) {
        TokenCache c = cache.get();
        if (c == null) {
            return false;
        }
        c.invalidate(rejected.header("Authorization").map(h -> h.replaceFirst("(?i)^Bearer\\s+", "")).orElse(null));
        return true;
    }

    private TokenCache.Token login(HttpRuntime transport) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("username", username);
        body.put("password", password.reveal());
        body.put("applicationCode", applicationCode);
        body.putNull("otp");
        body.putNull("twoFactorProvider");
        body.putArray("typeObjs").add(0).add(1);
        ApiRequest request = ApiRequest.builder("POST", loginUrl).idempotent(true)
                .header("Accept", "application/json")
                .body(HttpBody.json(body.toString()))
                .build();
        ApiResponse response;
        try {
            response = transport.execute(request, RequestOptions.builder().withoutIdempotencyKey().build());
        } catch (PlatformException e) {
            int status = e.httpStatus().orElse(0);
            if (status >= 400 && status < 500 && status != 429 && status != 408) {
                throw new AuthenticationException("the LGSP login refused user " + username + ": " + Causes.describe(e),
                        e.details(), e);
            }
            throw e;
        }
        JsonNode json = Json.tryParseObject(response.bodyStream()).orElseThrow(() -> new PlatformException(
                "the LGSP login answered with something that is not a JSON object",
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(response.status()), null));
        JsonNode token = json.path("data").path("token");
        if (!token.isTextual() || token.asText().isEmpty()) {
            String code = json.path("code").asText("");
            throw new AuthenticationException("the LGSP login gave user " + username + " no token"
                    + (code.isEmpty() ? "" : " (code " + vn.egov.sdk.core.internal.Redactor.printable(code, 40) + ")")
                    + ": " + vn.egov.sdk.core.internal.Redactor.printable(json.path("message").asText(""), 200),
                    ErrorDetails.of(Fault.CALLER, false).withHttpStatus(response.status())
                            .withPlatformErrorCode(code.isEmpty() ? null : code), null);
        }
        if (!vn.egov.sdk.core.internal.TokenEndpoint.isHeaderSafe(token.asText())) {
            throw new PlatformException("the LGSP login issued a token that cannot be sent in a header (it must be 1 "
                    + "to " + vn.egov.sdk.core.internal.TokenEndpoint.MAX_TOKEN_LENGTH + " visible ASCII characters)",
                    ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(response.status()), null);
        }
        Duration lifetime = tokenLifetime;
        JsonNode expiresIn = json.path("data").path("expiresIn");
        if (expiresIn.canConvertToLong() && expiresIn.asLong() > 0 && expiresIn.asLong() < 31_536_000L) {
            lifetime = Duration.ofSeconds(expiresIn.asLong());
        }
        return new TokenCache.Token(Secret.of(token.asText()), transport.clock().instant().plus(lifetime));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "LgspLogin[loginUrl=" + loginUrl + ", username=" + username + ", applicationCode=" + applicationCode
                + ", password=" + password + "]";
    }

    /** Builder of {@link LgspLogin}. */
    public static final class Builder {
        private String baseUrl;
        private String username;
        private Secret password;
        private String applicationCode;
        private Duration tokenLifetime = Duration.ofMinutes(30);
        private Duration refreshBefore = Duration.ofMinutes(5);

        private Builder() {
        }

        /**
         * Sets the LGSP base URL, without {@code /v1}; {@link LgspLogin#LOGIN_PATH} is appended to it. Required.
         *
         * @param value an absolute http(s) URL, for example {@code https://apiltvb.example.gov.vn}; a trailing
         *              slash is dropped (checked by {@link #build()})
         * @return this builder
         */
        public Builder baseUrl(String value) {
            this.baseUrl = value;
            return this;
        }

        /**
         * Sets the account's user name, sent as {@code username}. Required.
         *
         * @param value the user name, non-blank (checked by {@link #build()})
         * @return this builder
         */
        public Builder username(String value) {
            this.username = value;
            return this;
        }

        /**
         * Sets the account's password, sent as {@code password} in the login body and never logged. Required.
         *
         * @param value the password, non-null (checked by {@link #build()})
         * @return this builder
         */
        public Builder password(Secret value) {
            this.password = value;
            return this;
        }

        /**
         * Sets the application code the account logs in to, sent as {@code applicationCode}. Required.
         *
         * @param value the code, for example {@code QLVB}; non-blank (checked by {@link #build()})
         * @return this builder
         */
        public Builder applicationCode(String value) {
            this.applicationCode = value;
            return this;
        }

        /**
         * Sets how long a token is assumed to live when the login answer carries no {@code data.expiresIn}.
         *
         * @param value at least 1 s (checked by {@link #build()}); the default is 30 minutes
         * @return this builder
         * @throws ValidationException if the value is null
         */
        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = ValidationException.requireNonNull(value, "LgspLogin.tokenLifetime");
            return this;
        }

        /**
         * Sets how long before the token runs out the strategy logs in again; a margin longer than half the
         * token's lifetime is cut to half.
         *
         * @param value zero or positive (checked by {@link #build()}); the default is 5 minutes
         * @return this builder
         * @throws ValidationException if the value is null
         */
        public Builder refreshBefore(Duration value) {
            this.refreshBefore = ValidationException.requireNonNull(value, "LgspLogin.refreshBefore");
            return this;
        }

        /**
         * Builds the strategy; no login is made until the first call.
         *
         * @return the strategy, safe to share between threads (they share one cached token)
         * @throws ValidationException naming every missing or wrong setting
         */
        public LgspLogin build() {
            List<FieldError> errors = new ArrayList<>();
            if (baseUrl == null || !baseUrl.matches("(?i)https?://.+")) {
                errors.add(new FieldError("lgsp.baseUrl", "LgspLogin.baseUrl",
                        "baseUrl must be an absolute http(s) URL"));
            }
            if (username == null || username.isBlank()) {
                errors.add(new FieldError("lgsp.username", "LgspLogin.username", "username is required"));
            }
            if (password == null) {
                errors.add(new FieldError("lgsp.password", "LgspLogin.password", "password is required"));
            }
            if (applicationCode == null || applicationCode.isBlank()) {
                errors.add(new FieldError("lgsp.applicationCode", "LgspLogin.applicationCode",
                        "applicationCode is required"));
            }
            if (tokenLifetime.isNegative() || tokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
                errors.add(new FieldError("lgsp.tokenLifetime", "LgspLogin.tokenLifetime",
                        "tokenLifetime must be at least 1 s"));
            }
            if (refreshBefore.isNegative()) {
                errors.add(new FieldError("lgsp.refreshBefore", "LgspLogin.refreshBefore",
                        "refreshBefore must not be negative"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new LgspLogin(this);
        }
    }
}
