package vn.egov.sdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.Causes;
import vn.egov.sdk.core.ErrorDetails;
import vn.egov.sdk.core.Fault;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.RequestOptions;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.ApiResponse;
import vn.egov.sdk.core.http.HttpRuntime;

/**
 * A bearer token obtained from an OAuth2-style token endpoint and cached in a {@link TokenCache}, shared by the
 * auth strategies that need one.
 */
public final class TokenEndpoint {
    private static final long MAX_LIFETIME_SECONDS = 31_536_000L;
    /** The longest token accepted from a token endpoint. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final String description;
    private final Duration refreshBefore;
    private final Duration defaultLifetime;
    private final AtomicReference<TokenCache> cache = new AtomicReference<>();

    /**
     * @param description names the endpoint in error messages
     * @param refreshBefore refresh this long before expiry
     * @param defaultLifetime the lifetime assumed when the answer has no {@code expires_in}
     */
    public TokenEndpoint(String description, Duration refreshBefore, Duration defaultLifetime) {
        this.description = description;
        this.refreshBefore = refreshBefore;
        this.defaultLifetime = defaultLifetime;
    }

    /**
     * A valid token, requesting one through {@code transport} when needed.
     *
     * @param transport the runtime without credentials
     * @param tokenRequest builds the token request (called once per fetch)
     */
    public Secret token(HttpRuntime transport, Supplier<ApiRequest> tokenRequest) {
        TokenCache c = cache.get();
        if (c == null) {
            cache.compareAndSet(null, new TokenCache(() -> fetch(transport, tokenRequest.get()),
                    transport.clock(), refreshBefore));
            c = cache.get();
        }
        return c.get();
    }

    /** Forgets the token carried by the rejected request; returns whether a token was cached at all. */
    public boolean invalidate(ApiRequest rejected) {
        TokenCache c = cache.get();
        if (c == null) {
            return false;
        }
        c.invalidate(rejected.header("Authorization").map(h -> h.replaceFirst("(?i)^Bearer\\s+", "")).orElse(null));
        return true;
    }

    private TokenCache.Token fetch(HttpRuntime transport, ApiRequest request) {
        ApiResponse response;
        try {
            response = transport.execute(request, RequestOptions.builder().withoutIdempotencyKey().build());
        } catch (PlatformException e) {
            if (e.httpStatus().orElse(0) == 400) {
                throw new AuthenticationException(description + " refused the client's credentials: "
                        + Causes.describe(e), e.details(), e);
            }
            throw e;
        }
        int status = response.status();
        JsonNode body = Json.tryParseObject(response.bodyStream())
                .orElseThrow(() -> malformed(status, "answered with something that is not a JSON object"));
        JsonNode token = body.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isEmpty()) {
            throw malformed(status, "answered without an access_token");
        }
        if (!isHeaderSafe(token.asText())) {
            throw malformed(status, "issued an access_token that cannot be sent in a header (it must be 1 to "
                    + MAX_TOKEN_LENGTH + " visible ASCII characters)");
        }
        JsonNode type = body.get("token_type");
        if (type != null && !type.asText().equalsIgnoreCase("bearer")) {
            throw malformed(status, "issued a '" + Redactor.printable(type.asText(), 40)
                    + "' token; only bearer tokens are supported");
        }
        Duration lifetime = defaultLifetime;
        JsonNode expires = body.get("expires_in");
        if (expires != null && expires.canConvertToLong() && expires.asLong() > 0) {
            lifetime = Duration.ofSeconds(Math.min(expires.asLong(), MAX_LIFETIME_SECONDS));
        }
        return new TokenCache.Token(Secret.of(token.asText()), transport.clock().instant().plus(lifetime));
    }

    /**
     * Whether a token from the network can be sent as {@code Authorization: Bearer <token>}: 1 to
     * {@value #MAX_TOKEN_LENGTH} visible ASCII characters. Anything else would fail later as a request the HTTP
     * library refuses, blaming the caller for what the token endpoint sent.
     *
     * @param token the token
     * @return whether it is safe
     */
    public static boolean isHeaderSafe(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private PlatformException malformed(int status, String why) {
        return new PlatformException(description + " " + why,
                ErrorDetails.of(Fault.PLATFORM, false).withHttpStatus(status), null);
    }
}
