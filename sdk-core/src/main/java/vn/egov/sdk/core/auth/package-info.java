/**
 * How a client proves who it is to a platform: {@link vn.egov.sdk.core.auth.AuthStrategy} and its implementations
 * (OAuth2 client credentials with a cached token, the national axis's signed header bundle, an LGSP's access
 * token or login, fixed headers). A strategy is given to a client builder and applied to every attempt.
 */
package vn.egov.sdk.core.auth;
