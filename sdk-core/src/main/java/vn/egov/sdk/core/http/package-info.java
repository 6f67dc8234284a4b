/**
 * The HTTP runtime every client is built on: {@link vn.egov.sdk.core.http.HttpRuntime} with finite timeouts and one
 * overall deadline, a {@link vn.egov.sdk.core.http.RetryPolicy} that repeats only what is safe, interceptors in a
 * documented order, bounded response bodies and errors mapped to the typed exceptions of
 * {@code vn.egov.sdk.core}.
 */
package vn.egov.sdk.core.http;
