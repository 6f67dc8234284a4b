package vn.egov.sdk.core.auth;

import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.HttpRuntime;

/**
 * How a client proves who it is: adds credentials to each attempt of each request.
 *
 * <p>Implementations: {@link OAuth2ClientCredentials} (cached bearer token), {@link StaticHeaders}
 * ({@code X-SystemId} / {@code X-SecretKey} style), {@link LgspAccessToken} (the VNPT LGSP
 * {@code lgspaccesstoken} header, optionally with a bearer token). Implementations are thread-safe.
 */
public interface AuthStrategy {
    /** Adds no credentials. */
    AuthStrategy NONE = (request, transport) -> request;

    /**
     * Returns the request with credentials added. Called before every attempt, so a refreshed token is used on a
     * retry.
     *
     * @param request the request about to be sent
     * @param transport a runtime without credentials, sharing the client's connections, timeouts and retry
     *        policy, for calls the strategy itself must make (a token endpoint)
     * @return the request to send
     */
    ApiRequest authenticate(ApiRequest request, HttpRuntime transport);

    /**
     * Told that the platform answered 401 to a request this strategy authenticated. A strategy with cached
     * credentials forgets them and returns {@code true} so the runtime repeats the request once, with fresh
     * credentials. The runtime does this at most once per call.
     *
     * @param rejected the request that was refused
     * @return whether fresh credentials may succeed
     */
    default boolean onUnauthorized(ApiRequest rejected) {
        return false;
    }
}
