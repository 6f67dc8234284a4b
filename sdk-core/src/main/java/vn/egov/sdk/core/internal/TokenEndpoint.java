package vn.egov.sdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import vn.egov.sdk.core.AuthenticationException;
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
                        + e.getMessage(), e.details(), e);
            }
            throw e;
        }
        JsonNode body = Json.tryParseObject(response.bodyAsString())
                .orElseThrow(() -> malformed("answered with something that is not a JSON object"));
        JsonNode token = body.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isEmpty()) {
            throw malformed("answered without an access_token");
        }
        JsonNode type = body.get("token_type");
        if (type != null && !type.asText().equalsIgnoreCase("bearer")) {
            throw malformed("issued a '" + type.asText() + "' token; only bearer tokens are supported");
        }
        Duration lifetime = defaultLifetime;
        JsonNode expires = body.get("expires_in");
        if (expires != null && expires.canConvertToLong() && expires.asLong() > 0) {
            lifetime = Duration.ofSeconds(Math.min(expires.asLong(), MAX_LIFETIME_SECONDS));
        }
        return new TokenCache.Token(Secret.of(token.asText()), transport.clock().instant().plus(lifetime));
    }

    private PlatformException malformed(String why) {
        return new PlatformException(description + " " + why, ErrorDetails.of(Fault.PLATFORM, false), null);
    }
}
