package vn.egov.sdk.core.http;

import vn.egov.sdk.core.EgovException;

/**
 * A hook around every attempt of every call, for audit, metrics or request signing.
 *
 * <h2>Order</h2>
 * For each attempt the runtime:
 * <ol>
 *   <li>adds its own headers: {@code User-Agent}, the correlation id, the idempotency key, the caller's
 *       {@link vn.egov.sdk.core.RequestOptions#headers() extra headers};</li>
 *   <li>lets the {@link vn.egov.sdk.core.auth.AuthStrategy} add credentials;</li>
 *   <li>calls {@link #beforeAttempt} of each interceptor <em>in the order they were added</em> (so a signing
 *       interceptor added last sees, and signs, the final request);</li>
 *   <li>sends the request;</li>
 *   <li>calls {@link #afterAttempt} of each interceptor <em>in reverse order</em> with the response (any
 *       status), or {@link #onAttemptFailure} in reverse order when no usable response came back;</li>
 *   <li>maps a non-2xx response to an exception and decides whether to retry.</li>
 * </ol>
 * Interceptors run once per attempt, so they see retries. An exception thrown by an interceptor ends the call.
 * Requests a credential strategy makes itself (an OAuth2 token request) pass through the interceptors too, so an
 * audit interceptor sees every request that leaves the client.
 */
public interface HttpInterceptor {
    /**
     * Called before each attempt is sent, after the runtime's headers and the credentials were added. The default
     * returns the request unchanged.
     *
     * @param request the request about to be sent (immutable; change a copy made with
     *                {@link ApiRequest#toBuilder()})
     * @param context the attempt's correlation id, number (1 for the first), idempotency key and start time
     * @return the request to send (the given one, or a changed copy); the next interceptor receives it
     */
    default ApiRequest beforeAttempt(ApiRequest request, AttemptContext context) {
        return request;
    }

    /**
     * Called with each response received, whatever its status, before the runtime maps a non-2xx status to an
     * exception. The default returns the response unchanged.
     *
     * @param request the request as it was sent (after every interceptor's {@link #beforeAttempt})
     * @param response the response received, body already read in full
     * @param context the attempt's correlation id, number (1 for the first), idempotency key and start time
     * @return the response to continue with; the previous interceptor (reverse order) receives it
     */
    default ApiResponse afterAttempt(ApiRequest request, ApiResponse response, AttemptContext context) {
        return response;
    }

    /**
     * Called when an attempt produced no response (a network failure or timeout, reported as a
     * {@link vn.egov.sdk.core.TransportException}). The runtime then decides whether to retry; this hook cannot
     * change that. The default does nothing.
     *
     * @param request the request as it was sent (after every interceptor's {@link #beforeAttempt})
     * @param failure the failure the attempt ended with, as the caller would receive it
     * @param context the attempt's correlation id, number (1 for the first), idempotency key and start time
     */
    default void onAttemptFailure(ApiRequest request, EgovException failure, AttemptContext context) {
    }
}
